//! Text as the vision writes it: borrowed JSON text ([`Text`]), Dutch and
//! English ([`Bilingual`], [`Lang`]), and where a value comes from
//! ([`SourceRef`]). Re-exported from [`crate::model`].

use core::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Text as it stands in a JSON string, borrowed, with its escapes (`\"`,
/// `\n`, `\u00e9`) not yet resolved. [`fmt::Display`] writes the resolved
/// text; serialising writes it again as a proper JSON string.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text<'a>(pub &'a str);

impl<'a> Text<'a> {
    /// The raw, still-escaped text.
    pub fn raw(&self) -> &'a str {
        self.0
    }

    /// True when the text is empty or only whitespace.
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }

    /// True when the escapes in the text are all valid JSON escapes.
    pub fn is_well_escaped(&self) -> bool {
        serde_json_core::str::EscapedStr(self.0)
            .fragments()
            .all(|f| f.is_ok())
    }
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use serde_json_core::str::{EscapedStr, EscapedStringFragment};
        for fragment in EscapedStr(self.0).fragments() {
            match fragment {
                Ok(EscapedStringFragment::NotEscaped(s)) => f.write_str(s)?,
                Ok(EscapedStringFragment::Escaped(c)) => fmt::Write::write_char(f, c)?,
                // Validation rejects bad escapes; should one slip through,
                // show the rest as written rather than lose it.
                Err(_) => return f.write_str(self.0),
            }
        }
        Ok(())
    }
}

impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.contains('\\') {
            serializer.collect_str(self)
        } else {
            serializer.serialize_str(self.0)
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <&'a str>::deserialize(deserializer).map(Text)
    }
}

/// A text in Dutch (the vision's own words) and English.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingual<'a> {
    /// Dutch.
    #[serde(borrow)]
    pub nl: Text<'a>,
    /// English.
    #[serde(borrow)]
    pub en: Text<'a>,
}

/// The interface languages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Dutch, the vision's language and the default.
    #[default]
    Nl,
    /// English.
    En,
}

impl<'a> Bilingual<'a> {
    /// The text in one language.
    pub fn get(&self, lang: Lang) -> Text<'a> {
        match lang {
            Lang::Nl => self.nl,
            Lang::En => self.en,
        }
    }
}

/// Where a value comes from: a place in the vision itself, or (with
/// `document`) in another publication of the
/// [`Dataset::sources`](super::Dataset::sources) table, which names its
/// publisher, title, URL and release date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef<'a> {
    /// The publication, an id in
    /// [`Dataset::sources`](super::Dataset::sources); absent for the vision
    /// itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<&'a str>,
    /// The chapter, named as the document names it (required for the
    /// vision itself).
    #[serde(borrow, default)]
    pub chapter: Text<'a>,
    /// The heading, lettered item, table or figure within the chapter.
    #[serde(borrow, default)]
    pub section: Text<'a>,
    /// The page, where the document has pages.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub page: Option<Text<'a>>,
    /// A short verbatim quote holding the number or claim.
    #[serde(borrow)]
    pub quote: Text<'a>,
}
