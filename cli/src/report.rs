//! `koers report`: the status of every target and indicator, the roll-ups
//! and the leverage table, as Markdown, CSV or JSON. Every number comes from
//! koers-core; this module only lays it out.

use std::fmt::Write;

use koers_core::assess::{self, Missing, Rollup, TargetStatus};
use koers_core::finance::Measure;
use koers_core::model::{Dataset, Lang, Observation, Target, Unit};
use koers_core::monitor::{self, Coverage, Freshness};
use koers_core::present::{self, Overview};
use koers_core::progress::{Status, YearReached};
use koers_core::view;

/// Everything computed once for a report: core's presentation model and
/// what the published figures cover.
struct Computed<'a> {
    o: Overview,
    /// What the published figures cover, targets first.
    coverage: Vec<Coverage<'a>>,
    summary: monitor::Summary<'a>,
    /// The year that decides what is current.
    this_year: i32,
}

fn compute<'a>(ds: &Dataset<'a>, this_year: i32) -> Computed<'a> {
    let coverage = monitor::coverage_all(ds, this_year);
    Computed {
        summary: monitor::summary(ds, &coverage),
        coverage: coverage.into_iter().collect(),
        this_year,
        o: present::overview(ds),
    }
}

/// Group digits: 25000 → "25.000" (nl) or "25,000" (en).
fn grouped(v: f64, decimals: usize, lang: Lang) -> String {
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let (sep, dec) = match lang {
        Lang::Nl => ('.', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(dec);
        out.push_str(frac);
    }
    if v < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// A plain number with up to `max` decimals, trailing zeros dropped.
fn num(v: f64, lang: Lang) -> String {
    let decimals = if v.fract() == 0.0 { 0 } else { 2 };
    let s = grouped(v, decimals, lang);
    if decimals > 0 {
        let dec = if lang == Lang::Nl { ',' } else { '.' };
        s.trim_end_matches('0').trim_end_matches(dec).to_string()
    } else {
        s
    }
}

/// Euros as the vision writes them: € 7 mld / €7bn, € 450 mln / €450m.
fn eur(v: f64, lang: Lang) -> String {
    let (scaled, nl, en) = if v.abs() >= 1e9 {
        (v / 1e9, " mld", "bn")
    } else if v.abs() >= 1e6 {
        (v / 1e6, " mln", "m")
    } else {
        (v, "", "")
    };
    match lang {
        Lang::Nl => format!("€ {}{nl}", num(scaled, lang)),
        Lang::En => format!("€{}{en}", num(scaled, lang)),
    }
}

fn value(v: f64, unit: Unit, lang: Lang) -> String {
    match unit {
        Unit::Eur => eur(v, lang),
        Unit::EurPerYear => format!(
            "{}{}",
            eur(v, lang),
            if lang == Lang::Nl {
                " per jaar"
            } else {
                " a year"
            }
        ),
        Unit::Percent | Unit::PercentOfGdp => {
            format!("{} {}", num(v, lang), view::unit(unit, lang))
        }
        Unit::Milestone => view::unit(unit, lang).to_string(),
        Unit::Ratio => format!("{}×", num(v, lang)),
        _ => format!("{} {}", num(v, lang), view::unit(unit, lang)),
    }
}

fn opt<T>(v: Option<T>, f: impl FnOnce(T) -> String) -> String {
    v.map(f).unwrap_or_else(|| "–".into())
}

/// Text for a Markdown table cell.
fn cell(s: impl std::fmt::Display) -> String {
    s.to_string().replace('|', "\\|").replace('\n', " ")
}

fn status_cell(s: Status, lang: Lang) -> String {
    format!("{} {}", view::status_symbol(s), view::status(s, lang))
}

fn w<'a>(lang: Lang, nl: &'a str, en: &'a str) -> &'a str {
    if lang == Lang::Nl {
        nl
    } else {
        en
    }
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

/// True when any published figure, series or event is loaded.
fn has_figures(ds: &Dataset) -> bool {
    !ds.series.is_empty()
        || !ds.events.is_empty()
        || ds.observations.iter().any(monitor::is_published)
}

/// The latest published figure of a subject.
fn latest_published<'a, 'd>(ds: &'d Dataset<'a>, id: &str) -> Option<&'d Observation<'a>> {
    ds.observations
        .iter()
        .filter(|o| o.subject == id && o.is_headline() && monitor::is_published(o))
        .max_by_key(|o| o.year)
}

/// What is published about one subject: the latest figure with its year,
/// publisher and release date, whether the series is a proxy, or that no
/// public statistic was found; then its dated events.
fn published_lines(ds: &Dataset, id: &str, unit: Unit, lang: Lang) -> String {
    let mut o = String::new();
    let series = ds.series_of(id);
    let unit = series.map_or(unit, |s| s.unit);
    match latest_published(ds, id) {
        Some(f) => {
            let src = f.document.and_then(|d| ds.source(d));
            let _ = write!(
                o,
                "- **{id}** {}: {}: {}{}",
                w(
                    lang,
                    "laatste gepubliceerde cijfer",
                    "latest published figure"
                ),
                f.year,
                value(f.value, unit, lang),
                if f.provisional {
                    w(lang, " (voorlopig)", " (provisional)")
                } else {
                    ""
                }
            );
            if let Some(src) = src {
                let _ = write!(
                    o,
                    " — {}, {} {}",
                    src.publisher,
                    w(lang, "gepubliceerd", "released"),
                    src.released
                );
            }
            o.push('\n');
            if let Some(s) = series {
                let _ = writeln!(o, "  - {}", s.title.get(lang));
            }
        }
        None => match series {
            Some(s) => {
                let _ = writeln!(
                    o,
                    "- **{id}** {}: {}",
                    w(
                        lang,
                        "geen openbare statistiek gevonden",
                        "no public statistic found"
                    ),
                    s.searched.get(lang)
                );
            }
            None => {
                let _ = writeln!(
                    o,
                    "- **{id}** {}",
                    w(
                        lang,
                        "geen gepubliceerde cijfers aangeleverd (en niet beschreven wat gezocht is)",
                        "no published figures given (and no account of what was searched)"
                    )
                );
            }
        },
    }
    if let Some(p) = series.and_then(|s| s.proxy) {
        let _ = writeln!(o, "  - proxy: {}", p.get(lang));
    }
    for e in ds.events_of(id) {
        let _ = writeln!(
            o,
            "  - {}: {}{}",
            e.date,
            e.title.get(lang),
            if e.achieved {
                w(lang, " — **bereikt**", " — **reached**")
            } else {
                ""
            }
        );
    }
    o
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

/// The top of the report: how many subjects have published figures, from
/// whom, how many are current.
fn published_summary(o: &mut String, ds: &Dataset, c: &Computed, lang: Lang) {
    let _ = writeln!(
        o,
        "## {}\n",
        w(lang, "Gepubliceerde cijfers", "Published figures")
    );
    if !has_figures(ds) {
        let _ = writeln!(
            o,
            "{}\n",
            w(
                lang,
                "Geen gepubliceerde cijfers geladen (koers report --figures PAD).",
                "No published figures loaded (koers report --figures PATH)."
            )
        );
        return;
    }
    let s = &c.summary;
    let _ = writeln!(
        o,
        "- {} {} {} {} ({} {})",
        s.with_figures,
        w(lang, "van de", "of the"),
        s.subjects,
        w(
            lang,
            "doelen en impactindicatoren hebben gepubliceerde cijfers",
            "targets and impact indicators have published figures"
        ),
        s.figures,
        w(lang, "cijfers", "figures"),
    );
    let _ = writeln!(
        o,
        "- {} {} ({} {} {}, {} {})",
        s.current,
        w(lang, "daarvan actueel", "of them current"),
        w(lang, "een cijfer voor", "a figure for"),
        c.this_year - monitor::CURRENT_WITHIN_YEARS,
        w(lang, "of later", "or later"),
        w(lang, "peiljaar", "as of"),
        c.this_year,
    );
    let _ = writeln!(
        o,
        "- {} {}",
        s.proxies,
        w(
            lang,
            "daarvan met een proxy: een bredere of andere reeks dan het doel zelf",
            "of them by proxy: a broader or other series than the subject itself"
        ),
    );
    let publishers: Vec<String> = s.publishers.iter().map(|p| p.to_string()).collect();
    let _ = writeln!(
        o,
        "- {} ({}): {}\n",
        w(lang, "Uitgevers", "Publishers"),
        publishers.len(),
        if publishers.is_empty() {
            "–".to_string()
        } else {
            publishers.join("; ")
        }
    );
}

/// Subjects whose published figures are out of date or absent.
fn out_of_date(o: &mut String, ds: &Dataset, c: &Computed, lang: Lang) {
    let _ = writeln!(
        o,
        "## {}\n",
        w(
            lang,
            "Cijfers verouderd of ontbrekend",
            "Figures out of date or missing"
        )
    );
    let mut any = false;
    for cov in &c.coverage {
        let title = ds
            .target(cov.subject)
            .map(|t| t.title)
            .or(ds.indicator(cov.subject).map(|i| i.title))
            .map(|t| t.get(lang).to_string())
            .unwrap_or_default();
        let state = match (cov.freshness, cov.latest_year) {
            (Freshness::Stale, Some(y)) => format!(
                "{} {y} ({} {})",
                w(
                    lang,
                    "verouderd: laatste cijfer voor",
                    "out of date: latest figure for"
                ),
                w(lang, "ouder dan", "older than"),
                c.this_year - monitor::CURRENT_WITHIN_YEARS
            ),
            (Freshness::None, _) if cov.events > 0 => format!(
                "{} ({} {})",
                w(lang, "geen cijfers", "no figures"),
                cov.events,
                if cov.events == 1 {
                    w(lang, "gebeurtenis", "event")
                } else {
                    w(lang, "gebeurtenissen", "events")
                }
            ),
            (Freshness::None, _) if cov.described => w(
                lang,
                "geen openbare statistiek gevonden",
                "no public statistic found",
            )
            .to_string(),
            (Freshness::None, _) => {
                w(lang, "geen cijfers aangeleverd", "no figures given").to_string()
            }
            _ => continue,
        };
        any = true;
        let _ = writeln!(o, "- **{}** {}: {state}", cov.subject, title);
    }
    if !any {
        let _ = writeln!(
            o,
            "{}",
            w(
                lang,
                "Alle cijfers zijn actueel.",
                "Every figure is current."
            )
        );
    }
    o.push('\n');
}

/// A freshness as a word for CSV and JSON.
fn freshness_key(f: Freshness) -> &'static str {
    match f {
        Freshness::Current => "current",
        Freshness::Stale => "stale",
        Freshness::None => "none",
    }
}

/// The report as CSV: one row per target and indicator.
pub fn csv(ds: &Dataset, lang: Lang, this_year: i32) -> String {
    let c = compute(ds, this_year);
    let mut o = String::from(
        "type,id,priority,title,unit,baseline_year,baseline_value,target_year,target_value,latest_year,latest_value,method,status,score,required_pace,source_chapter,source_section,source_quote,published_figures,published_latest_year,released,publisher,proxy,freshness\n",
    );
    // Every text cell is guarded against spreadsheet formulas (core's
    // csvcell, as the dashboard's CSV downloads): `=…` is written `'=…`.
    let q = |s: String| {
        let s = koers_core::csvcell::guard(&s).to_string();
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s
        }
    };
    let f = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    let y = |v: Option<i32>| v.map(|v| v.to_string()).unwrap_or_default();
    // What the published figures cover, as the last six columns.
    let published = |id: &str| {
        let Some(cov) = c.coverage.iter().find(|x| x.subject == id) else {
            return ",,,,,".to_string();
        };
        let proxy = ds
            .series_of(id)
            .and_then(|s| s.proxy)
            .map(|p| p.get(lang).to_string())
            .unwrap_or_default();
        format!(
            "{},{},{},{},{},{}",
            cov.figures,
            y(cov.latest_year),
            q(cov.released.map(|r| r.to_string()).unwrap_or_default()),
            q(cov.publisher.map(|r| r.to_string()).unwrap_or_default()),
            q(proxy),
            freshness_key(cov.freshness),
        )
    };
    for (t, s) in ds.targets.iter().zip(&c.o.targets) {
        let _ = writeln!(
            o,
            "target,{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            q(t.id.to_string()),
            q(t.priority.to_string()),
            q(t.title.get(lang).to_string()),
            t.unit.key(),
            y(t.baseline.map(|b| b.year)),
            f(t.baseline.map(|b| b.value)),
            y(t.target.year),
            f(t.target.value),
            y(s.latest.map(|p| p.year)),
            f(s.latest.map(|p| p.value)),
            q(view::method(s.method, lang).into()),
            s.status.label(),
            f(s.score),
            f(s.projection.and_then(|p| p.required_pace)),
            q(t.source.chapter.to_string()),
            q(t.source.section.to_string()),
            q(t.source.quote.to_string()),
            published(t.id),
        );
    }
    for (i, s) in ds.indicators.iter().zip(&c.o.indicators) {
        let _ = writeln!(
            o,
            "indicator,{},{},{},{},,,,,{},{},open_sdg,{},{},,{},{},{},{}",
            q(i.id.to_string()),
            q(i.priority.to_string()),
            q(i.title.get(lang).to_string()),
            i.unit.key(),
            y(s.latest.map(|p| p.year)),
            f(s.latest.map(|p| p.value)),
            s.open_sdg.status.label(),
            f(s.open_sdg.score),
            q(i.source.chapter.to_string()),
            q(i.source.section.to_string()),
            q(i.source.quote.to_string()),
            published(i.id),
        );
    }
    o
}

/// The report as JSON: the whole dataset (every item with its source) and
/// everything computed from it.
pub fn json(ds: &Dataset, lang: Lang, this_year: i32) -> String {
    let c = compute(ds, this_year);
    let targets: Vec<_> = ds
        .targets
        .iter()
        .zip(&c.o.targets)
        .map(|(t, s)| serde_json::json!({"id": t.id, "label": view::status(s.status, lang), "assessment": s}))
        .collect();
    let indicators: Vec<_> = ds
        .indicators
        .iter()
        .zip(&c.o.indicators)
        .map(|(i, s)| serde_json::json!({"id": i.id, "label": view::status(s.open_sdg.status, lang), "assessment": s}))
        .collect();
    let priorities: Vec<_> = ds
        .priorities
        .iter()
        .zip(&c.o.priorities)
        .map(|(p, r)| serde_json::json!({"id": p.id, "rollup": r}))
        .collect();
    let windows: Vec<_> =
        c.o.windows
            .iter()
            .map(|r| serde_json::json!({"id": ds.windows[r.index].id, "figures": r}))
            .collect();
    let findings: Vec<_> =
        c.o.findings
            .iter()
            .map(|f| {
                serde_json::json!({
                    "window": ds.windows[f.window].id,
                    "qualifier": f.qualifier,
                    "measure": f.measure,
                    "incomplete": f.incomplete,
                    "holds": f.holds,
                    "sum": f.sum,
                })
            })
            .collect();
    let out = serde_json::json!({
        "lang": lang,
        "dataset": ds,
        "assessment": {
            "vision": c.o.vision,
            "priorities": priorities,
            "targets": targets,
            "indicators": indicators,
        },
        "leverage": {
            "windows": windows,
            "counted_once": c.o.totals,
            "assumption": "other public co-funding per window taken as 0 (not stated in the vision)",
        },
        "findings": findings,
        "published": {
            "this_year": c.this_year,
            "current_within_years": monitor::CURRENT_WITHIN_YEARS,
            "summary": c.summary,
            "coverage": c.coverage,
        },
    });
    format!("{out:#}\n")
}
