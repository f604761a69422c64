//! The Markdown report: the whole vision, every priority with its
//! objectives, targets and indicators, and the leverage table. Part of
//! [`super`].

use std::fmt::Write;

use koers_core::assess::{self, Missing, Rollup, TargetStatus};
use koers_core::finance::Measure;
use koers_core::model::{Dataset, Lang, Target};
use koers_core::progress::{Status, YearReached};
use koers_core::view;

use super::published::{has_figures, out_of_date, published_lines, published_summary};
use super::*;

/// Text for a Markdown table cell.
fn cell(s: impl std::fmt::Display) -> String {
    s.to_string().replace('|', "\\|").replace('\n', " ")
}

fn status_cell(s: Status, lang: Lang) -> String {
    format!("{} {}", view::status_symbol(s), view::status(s, lang))
}

fn counts_line(r: &Rollup, lang: Lang) -> String {
    view::STATUSES
        .iter()
        .zip(r.counts)
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{} {} {n}", view::status_symbol(*s), view::status(*s, lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why there is no status, in words: a reason is always given when the
/// status is not available.
fn why(status: Status, missing: Option<Missing>, lang: Lang) -> String {
    match missing {
        Some(m) => format!(" ({})", view::missing(m, lang)),
        None if status == Status::NotAvailable => format!(
            " ({})",
            w(
                lang,
                "de berekening gaf geen status en geen reden",
                "the calculation gave no status and no reason"
            )
        ),
        None => String::new(),
    }
}

fn target_line(t: &Target, s: &TargetStatus, lang: Lang) -> String {
    let baseline = opt(t.baseline, |b| {
        format!("{}: {}", b.year, value(b.value, t.unit, lang))
    });
    let target = match (t.target.year, t.target.value) {
        (y, Some(v)) => format!(
            "{}{}",
            y.map(|y| format!("{y}: ")).unwrap_or_default(),
            value(v, t.unit, lang)
        ),
        (Some(y), None) => format!("{y}"),
        (None, None) => "–".into(),
    };
    let latest = opt(s.latest, |p| {
        format!("{}: {}", p.year, value(p.value, t.unit, lang))
    });
    let why = why(s.status, s.missing, lang);
    let pace = s
        .projection
        .and_then(|p| p.required_pace)
        .map(|v| value(v, t.unit, lang))
        .unwrap_or_else(|| "–".into());
    let reached = match s.projection.map(|p| p.year_reached) {
        Some(YearReached::Already(y)) | Some(YearReached::Year(y)) => y.to_string(),
        Some(YearReached::NotBefore2100) => w(lang, "na 2100", "after 2100").into(),
        Some(YearReached::Never) => w(lang, "nooit", "never").into(),
        _ => "–".into(),
    };
    format!(
        "| {} | {} | {} | {} | {} | {} | {}{} | {} | {} | {} |",
        t.id,
        cell(t.title.get(lang)),
        baseline,
        target,
        latest,
        view::method(s.method, lang),
        status_cell(s.status, lang),
        cell(why),
        opt(s.score, |v| format!("{v:.2}")),
        pace,
        reached,
    )
}

/// The report as Markdown.
pub fn markdown(ds: &Dataset, lang: Lang, this_year: i32) -> String {
    let c = compute(ds, this_year);
    let figures = has_figures(ds);
    let mut o = String::new();
    let v = &ds.vision;
    let _ = writeln!(o, "# {}\n", v.title.get(lang));
    let _ = writeln!(
        o,
        "{} {} · {} {}\n",
        w(lang, "Gepubliceerd", "Published"),
        v.published,
        w(lang, "horizon", "horizon"),
        v.horizon_year
    );
    let obs = ds.observations.len();
    if obs == 0 {
        let _ = writeln!(
            o,
            "> {}\n",
            w(
                lang,
                "Nog geen waarnemingen: elke ambitie staat op ‘geen gegevens’ tot er cijfers zijn ingevoerd.",
                "No observations yet: every ambition is ‘not available’ until figures are entered."
            )
        );
    }

    published_summary(&mut o, ds, &c, lang);

    let _ = writeln!(o, "## {}\n", w(lang, "De hele visie", "The whole vision"));
    let r = &c.o.vision;
    let _ = writeln!(
        o,
        "- {}: {} ({} {}, {} {})",
        w(lang, "Gemiddelde score", "Mean score"),
        opt(r.mean_score, |s| format!("{s:.2}")),
        r.targets - r.missing,
        w(lang, "beoordeeld", "assessed"),
        r.missing,
        w(lang, "zonder gegevens", "without data"),
    );
    let _ = writeln!(
        o,
        "- {}: {}",
        w(lang, "Status", "Status"),
        opt(r.status, |s| status_cell(s, lang))
    );
    let _ = writeln!(
        o,
        "- {}: {}",
        w(lang, "Per status", "Per status"),
        counts_line(r, lang)
    );
    if let Some(i) = r.weakest {
        let _ = writeln!(
            o,
            "- {}: {} ({}: {})",
            w(lang, "Zwakste schakel", "Weakest link"),
            opt(r.weakest_score, |s| format!("{s:.2}")),
            w(lang, "laagste", "lowest"),
            ds.targets[i].title.get(lang)
        );
    }

    let _ = writeln!(
        o,
        "\n## {}\n",
        w(lang, "Strategische prioriteiten", "Strategic priorities")
    );
    let _ = writeln!(
        o,
        "| # | {} | {} | {} | Status | {} | {} |\n|---|---|---|---|---|---|---|",
        w(lang, "Prioriteit", "Priority"),
        w(lang, "Doelen", "Targets"),
        w(lang, "Gem. score", "Mean score"),
        w(lang, "Per status", "Per status"),
        w(lang, "Zwakste schakel", "Weakest link"),
    );
    for (p, r) in ds.priorities.iter().zip(&c.o.priorities) {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} |",
            p.number,
            cell(p.title.get(lang)),
            r.targets,
            opt(r.mean_score, |s| format!("{s:.2}")),
            opt(r.status, |s| status_cell(s, lang)),
            counts_line(r, lang),
            opt(r.weakest_score, |s| format!("{s:.2}")),
        );
    }

    for p in &ds.priorities {
        let _ = writeln!(o, "\n### {}. {}\n", p.number, p.title.get(lang));
        let _ = writeln!(o, "{}\n", p.summary.get(lang));
        let _ = writeln!(
            o,
            "_{}: {}, {} — “{}”_\n",
            w(lang, "Bron", "Source"),
            p.source.chapter,
            p.source.section,
            p.source.quote
        );
        let objectives: Vec<_> = ds
            .objectives
            .iter()
            .filter(|x| x.priority == p.id)
            .collect();
        if !objectives.is_empty() {
            let _ = writeln!(o, "**{}**\n", w(lang, "Doelstellingen", "Objectives"));
            for x in objectives {
                let indent = if x.parent.is_some() { "  " } else { "" };
                // The objective's own roll-up, where it has targets.
                let r = assess::rollup_objective(ds, &c.o.targets, x.id);
                let rolled = if r.targets == 0 {
                    String::new()
                } else {
                    format!(
                        " — {} {}, {}: {}",
                        r.targets,
                        w(lang, "doel(en)", "target(s)"),
                        w(lang, "status", "status"),
                        status_cell(r.status.unwrap_or(Status::NotAvailable), lang)
                    )
                };
                let _ = writeln!(
                    o,
                    "{indent}- {} ({}) {}{rolled}",
                    x.code,
                    view::scope(x.scope, lang),
                    x.title.get(lang)
                );
            }
            o.push('\n');
        }
        let areas: Vec<_> = ds
            .focus_areas
            .iter()
            .filter(|x| x.priority == p.id)
            .collect();
        if !areas.is_empty() {
            let _ = writeln!(o, "**{}**\n", w(lang, "Focusgebieden", "Focus areas"));
            for a in areas {
                let _ = writeln!(
                    o,
                    "- {} ({})",
                    a.title.get(lang),
                    view::focus_kind(a.kind, lang)
                );
            }
            o.push('\n');
        }
        let targets: Vec<_> = ds
            .targets
            .iter()
            .zip(&c.o.targets)
            .filter(|(t, _)| t.priority == p.id)
            .collect();
        if !targets.is_empty() {
            let _ = writeln!(
                o,
                "| id | {} | {} | {} | {} | {} | Status | Score | {} | {} |\n|---|---|---|---|---|---|---|---|---|---|",
                w(lang, "Ambitie", "Ambition"),
                w(lang, "Basis", "Baseline"),
                w(lang, "Doel", "Target"),
                w(lang, "Laatste", "Latest"),
                w(lang, "Methode", "Method"),
                w(lang, "Nodig per jaar", "Needed a year"),
                w(lang, "Bereikt op trend", "Reached on trend"),
            );
            for (t, s) in &targets {
                let _ = writeln!(o, "{}", target_line(t, s, lang));
            }
            for (t, _) in &targets {
                if let Some(n) = &t.note {
                    let _ = writeln!(o, "\n> **{}** {}", t.id, n.get(lang));
                }
            }
            o.push('\n');
            if figures {
                let _ = writeln!(
                    o,
                    "**{}**\n",
                    w(lang, "Gepubliceerde cijfers", "Published figures")
                );
                for (t, _) in &targets {
                    o.push_str(&published_lines(ds, t.id, t.unit, lang));
                }
                o.push('\n');
            }
        }
        let indicators: Vec<_> = ds
            .indicators
            .iter()
            .zip(&c.o.indicators)
            .filter(|(i, _)| i.priority == p.id)
            .collect();
        if !indicators.is_empty() {
            let _ = writeln!(
                o,
                "| id | {} | {} | {} | Status |\n|---|---|---|---|---|",
                w(lang, "Impactindicator", "Impact indicator"),
                w(lang, "Richting", "Direction"),
                w(lang, "Waarnemingen", "Observations"),
            );
            for (i, s) in &indicators {
                let why = why(
                    s.open_sdg.status,
                    s.missing.or(s.open_sdg.reason.map(Missing::Progress)),
                    lang,
                );
                let _ = writeln!(
                    o,
                    "| {} | {} | {} | {} | {}{} |",
                    i.id,
                    cell(i.title.get(lang)),
                    view::indicator_direction(i.direction, lang),
                    s.observations,
                    status_cell(s.open_sdg.status, lang),
                    cell(why)
                );
            }
            o.push('\n');
            if figures {
                let _ = writeln!(
                    o,
                    "**{}**\n",
                    w(lang, "Gepubliceerde cijfers", "Published figures")
                );
                for (i, _) in &indicators {
                    o.push_str(&published_lines(ds, i.id, i.unit, lang));
                }
                o.push('\n');
            }
        }
    }

    let _ = writeln!(
        o,
        "## {}\n",
        w(
            lang,
            "Investeringsvensters en hefboom",
            "Investment windows and leverage"
        )
    );
    let _ = writeln!(
        o,
        "| id | {} | {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|---|---|",
        w(lang, "Venster", "Window"),
        w(lang, "Publiek", "Public"),
        w(lang, "Privaat", "Private"),
        w(lang, "Totaal", "Total"),
        w(lang, "Multiplier", "Multiplier"),
        w(lang, "Privaat gemobiliseerd", "Private mobilised"),
        w(lang, "Periode", "Period"),
        w(lang, "Gerealiseerd (toegezegd)", "Realised (committed)"),
    );
    for row in &c.o.windows {
        let win = &ds.windows[row.index];
        let indent = "↳ ".repeat(usize::from(row.depth));
        let per = if win.basis == koers_core::model::Basis::PerYear {
            w(lang, " per jaar", " a year")
        } else {
            ""
        };
        let period = match (win.start_year, win.end_year) {
            (Some(a), Some(b)) => format!("{a}–{b}"),
            (Some(a), None) => format!("{} {a}", w(lang, "vanaf", "from")),
            (None, Some(b)) => format!("{} {b}", w(lang, "t/m", "to")),
            (None, None) => "–".into(),
        };
        let revolving = if win.revolving {
            w(lang, ", revolverend", ", revolving")
        } else {
            ""
        };
        let realised = if row.realised.years == 0 {
            "–".to_string()
        } else {
            format!(
                "{} + {}",
                eur(row.realised.public_committed, lang),
                eur(row.realised.private_committed, lang)
            )
        };
        let _ = writeln!(
            o,
            "| {} | {}{} | {} | {} | {} | {} | {} | {}{} | {} |",
            win.id,
            indent,
            cell(win.name.get(lang)),
            opt(win.public_eur, |v| format!("{}{per}", eur(v, lang))),
            opt(win.private_eur, |v| eur(v, lang)),
            opt(win.total_eur, |v| eur(v, lang)),
            opt(
                row.promised
                    .multiplier
                    .filter(|_| win.total_eur.is_some() || win.private_eur.is_some()),
                |m| format!("{}×", num((m * 100.0).round() / 100.0, lang))
            ),
            opt(
                row.promised
                    .private_mobilised
                    .filter(|_| win.total_eur.is_some() || win.private_eur.is_some()),
                |v| eur(v, lang)
            ),
            period,
            revolving,
            realised
        );
    }
    let t = &c.o.totals;
    let _ = writeln!(
        o,
        "\n{}: {} {}, {} {}, {} {} ({} {}; {} {})\n",
        w(
            lang,
            "Eenmaal geteld (alleen bovenste vensters)",
            "Counted once (top-level windows only)"
        ),
        eur(t.public, lang),
        w(lang, "publiek", "public"),
        eur(t.private, lang),
        w(lang, "privaat genoemd", "private stated"),
        eur(t.total, lang),
        w(lang, "totaal genoemd", "total stated"),
        t.nested,
        w(
            lang,
            "geneste vensters niet dubbel geteld",
            "nested windows not counted twice"
        ),
        t.unknown,
        w(lang, "zonder bedrag", "without an amount"),
    );
    let _ = writeln!(
        o,
        "_{}_\n",
        w(
            lang,
            "Privaat gemobiliseerd = totaal − publiek; de visie noemt per venster geen andere publieke cofinanciering, dus die is op 0 gesteld.",
            "Private mobilised = total − public; the vision states no other public co-funding per window, so it is taken as 0."
        )
    );

    if !c.o.findings.is_empty() {
        let _ = writeln!(
            o,
            "## {}\n",
            w(
                lang,
                "Kloppen de sommen van de visie?",
                "Do the vision's own sums add up?"
            )
        );
        for f in &c.o.findings {
            let win = &ds.windows[f.window];
            let verdict = match (f.incomplete, f.holds) {
                (true, Some(false)) => w(
                    lang,
                    "klopt niet: de genoemde onderdelen alleen zijn al meer dan het geheel",
                    "does not add up: the listed parts alone exceed the whole",
                ),
                (true, _) => w(
                    lang,
                    "de visie noemt maar een deel van de onderdelen: niet gevraagd of ze optellen",
                    "the vision lists only some parts: not asked whether they add up",
                ),
                (false, Some(true)) => w(lang, "klopt", "adds up"),
                (false, Some(false)) => w(lang, "klopt niet", "does not add up"),
                (false, None) => w(lang, "niet vast te stellen", "cannot tell"),
            };
            let measure = match f.measure {
                Measure::Public => w(lang, "publiek geld", "public money"),
                Measure::Total => w(lang, "totale investering", "total investment"),
            };
            let _ = writeln!(
                o,
                "- {} ({}), {} {}: {} {} {} {}, {} {}{} — **{}**",
                win.name.get(lang),
                win.id,
                w(lang, "vergeleken:", "compared:"),
                measure,
                opt(f.sum.parent_public, |v| eur(v, lang)),
                w(lang, "tegen", "against"),
                eur(f.sum.children_public, lang),
                w(lang, "in onderdelen", "in parts"),
                f.sum.children_count,
                w(lang, "onderdelen", "parts"),
                if f.sum.unknown_children > 0 {
                    format!(
                        ", {} {}",
                        f.sum.unknown_children,
                        w(
                            lang,
                            "niet vergelijkbaar of onbekend",
                            "not comparable or unknown"
                        )
                    )
                } else {
                    String::new()
                },
                verdict
            );
        }
        o.push('\n');
    }
    if figures {
        out_of_date(&mut o, ds, &c, lang);
    }
    o
}
