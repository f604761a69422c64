//! What a button does, as a type: the view writes [`Act::code`] into
//! `data-act` and [`super::Msg::from_click`] reads it back with
//! [`Act::parse`]. No other module spells these codes.

/// A button's action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    /// Undo this tab's last change.
    Undo,
    /// Redo what was undone.
    Redo,
    /// Show or hide every part's Embed button.
    Embedding,
    /// Switch the language (`data-lang`).
    Lang,
    /// Delete a figure (`data-key`).
    Delete,
    /// Delete a window flow (`data-key`).
    DeleteFlow,
    /// Keep this tab's version of a figure another tab changed.
    ConflictMine,
    /// Take the other tab's version.
    ConflictTheirs,
    /// Try saving again.
    SaveRetry,
    /// Close the note about an edit lost to a redraw.
    EditLostClose,
    /// Remove a copy of unreadable data (`data-key`).
    UnreadableRemove,
    /// Download a copy of unreadable data (`data-key`).
    UnreadableDownload,
    /// Remove every figure of one's own (asks first).
    Reset,
    /// Download one's figures as CSV.
    ExportCsv,
    /// Download one's figures as JSON.
    ExportJson,
    /// Load the illustrative example figures.
    Examples,
    /// Cancel an import after its preview.
    ImportCancel,
    /// Take in an import after its preview.
    ImportConfirm,
    /// Open the file chooser.
    ChooseFile,
    /// Download a table as CSV (`data-target`).
    Csv,
    /// Download a chart as SVG (`data-target`).
    Svg,
    /// Download a chart as PNG (`data-target`).
    Png,
    /// Open the Embed dialog for a part (`data-view`).
    Embed,
    /// Close the Embed dialog.
    EmbedClose,
    /// Copy a field's text (`data-target`).
    Copy,
    /// Skip to the content.
    Skip,
    /// The hidden file input (its `change` event imports; a click does nothing).
    Import,
    /// Explorer: set a course to the pace its target requires (`data-id`).
    ScRequired,
    /// Explorer: back to the vision's own settings.
    ScReset,
    /// Explorer: save the scenario under the name typed.
    ScSave,
    /// Explorer: open a saved scenario (`data-index`).
    ScOpen,
    /// Explorer: delete a saved scenario (`data-index`).
    ScDelete,
    /// Explorer: download the scenario.
    ScExport,
}

impl Act {
    /// Every action, for tests that go through them all.
    pub const ALL: [Act; 33] = [
        Act::Undo,
        Act::Redo,
        Act::Embedding,
        Act::Lang,
        Act::Delete,
        Act::DeleteFlow,
        Act::ConflictMine,
        Act::ConflictTheirs,
        Act::SaveRetry,
        Act::EditLostClose,
        Act::UnreadableRemove,
        Act::UnreadableDownload,
        Act::Reset,
        Act::ExportCsv,
        Act::ExportJson,
        Act::Examples,
        Act::ImportCancel,
        Act::ImportConfirm,
        Act::ChooseFile,
        Act::Csv,
        Act::Svg,
        Act::Png,
        Act::Embed,
        Act::EmbedClose,
        Act::Copy,
        Act::Skip,
        Act::Import,
        Act::ScRequired,
        Act::ScReset,
        Act::ScSave,
        Act::ScOpen,
        Act::ScDelete,
        Act::ScExport,
    ];

    /// The code in `data-act`.
    pub fn code(self) -> &'static str {
        match self {
            Act::Undo => "undo",
            Act::Redo => "redo",
            Act::Embedding => "embedding",
            Act::Lang => "lang",
            Act::Delete => "delete",
            Act::DeleteFlow => "delete-flow",
            Act::ConflictMine => "conflict-mine",
            Act::ConflictTheirs => "conflict-theirs",
            Act::SaveRetry => "save-retry",
            Act::EditLostClose => "edit-lost-close",
            Act::UnreadableRemove => "unreadable-remove",
            Act::UnreadableDownload => "unreadable-download",
            Act::Reset => "reset",
            Act::ExportCsv => "export-csv",
            Act::ExportJson => "export-json",
            Act::Examples => "examples",
            Act::ImportCancel => "import-cancel",
            Act::ImportConfirm => "import-confirm",
            Act::ChooseFile => "choose-file",
            Act::Csv => "csv",
            Act::Svg => "svg",
            Act::Png => "png",
            Act::Embed => "embed",
            Act::EmbedClose => "embed-close",
            Act::Copy => "copy",
            Act::Skip => "skip",
            Act::Import => "import",
            Act::ScRequired => "sc-required",
            Act::ScReset => "sc-reset",
            Act::ScSave => "sc-save",
            Act::ScOpen => "sc-open",
            Act::ScDelete => "sc-delete",
            Act::ScExport => "sc-export",
        }
    }

    /// The action of a `data-act` code; `None` for one no button writes.
    pub fn parse(code: &str) -> Option<Act> {
        Act::ALL.into_iter().find(|a| a.code() == code)
    }
}
