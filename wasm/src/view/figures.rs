//! Published figures in the dashboard: what they cover (the overview's
//! panel), each subject's series with its publisher, document, release date
//! and the figure as published, whether the series is a proxy (in words,
//! wherever its figures are shown), the dated steps toward a milestone, and
//! which figures are published and which are the user's own.
//!
//! The published figures are the base dataset's observations that name a
//! publication (`Observation::document`); the user's own figures are the
//! layer in `App::data`, never in the base.

use std::string::{String, ToString};
use std::vec::Vec;

use koers_core::model::{Dataset, Event, Lang, Observation, Series, Text};
use koers_core::monitor;
use koers_core::present;

use super::{section, table, txt, Ctx};
use crate::dom::{h, link, H};
use crate::i18n as i;
use crate::route::Route;

pub(crate) use crate::tables::{drawn_unit, origin, Origin};

/// The current year, from the browser's clock (what counts as current).
pub(crate) fn this_year() -> i32 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::new_0().get_full_year() as i32
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        2026
    }
}

/// The published figures of a subject, by year.
pub(crate) fn published<'d>(
    ds: &'d Dataset<'static>,
    subject: &str,
) -> Vec<&'d Observation<'static>> {
    let mut v: Vec<_> = ds
        .observations
        .iter()
        .filter(|o| o.subject == subject && o.is_headline() && monitor::is_published(o))
        .collect();
    present::by_year(&mut v);
    v
}

/// A subject's dated events, oldest first (dates are `YYYY[-MM[-DD]]`, so
/// their text sorts by time).
pub(crate) fn events<'d>(ds: &'d Dataset<'static>, subject: &str) -> Vec<&'d Event<'static>> {
    let mut v: Vec<_> = ds.events.iter().filter(|e| e.subject == subject).collect();
    present::by_date(&mut v);
    v
}

/// "Benadering: <definition>" when the subject's published series stands in
/// for something narrower.
pub(crate) fn proxy_words(ds: &Dataset, l: Lang, subject: &str) -> Option<String> {
    let def = ds.series_of(subject)?.proxy?;
    Some([i::t(l, i::PUB_PROXY), ": ", &txt(def.get(l))].concat())
}

/// The proxy sentence as a paragraph, when there is one.
pub(crate) fn proxy_line(c: &Ctx, subject: &str) -> Option<H> {
    proxy_words(c.ds(), c.l, subject).map(|w| h("p").c("words proxy").t(&w))
}

/// A tag saying whose a figure is, in words.
pub(crate) fn origin_tag(c: &Ctx, o: Origin) -> H {
    h("span")
        .c(match o {
            Origin::Published => "tag published",
            Origin::Yours => "tag yours",
        })
        .t(c.t(o.words()))
}

pub(super) fn subject_title(ds: &Dataset, l: Lang, id: &str) -> (String, Route) {
    match ds.target(id) {
        Some(t) => (txt(t.title.get(l)), Route::Target(id.into())),
        None => (
            ds.indicator(id)
                .map(|x| txt(x.title.get(l)))
                .unwrap_or_else(|| id.into()),
            Route::Indicator(id.into()),
        ),
    }
}

/// What was searched for a series, folded.
pub(super) fn searched(c: &Ctx, s: &Series) -> H {
    h("details")
        .c("searched")
        .k(h("summary").t(c.t(i::PUB_SEARCHED)))
        .k(h("p").t(&txt(s.searched.get(c.l))))
}

/// An external link to a publication: opens without handing it this page.
fn out_link(url: Text, text: &str) -> H {
    link(&txt(url), text).a("rel", "noopener noreferrer")
}

/// A subject's published series: what it measures, whether it is a proxy,
/// its note, and every figure with publisher, publication, table, release
/// date and the figure as published.
pub(crate) fn series_section(c: &Ctx, subject: &str) -> H {
    let ds = c.ds();
    let sec = section(c.t(i::PUB_TITLE), "published-h").a("id", "published");
    let Some(s) = ds.series_of(subject) else {
        sec.to(h("p").c("muted").t(c.t(i::PUB_NO_FIGURES_HERE)));
        return sec;
    };
    sec.to(h("p")
        .c("series-title")
        .k(h("strong").t(c.t(i::PUB_SERIES)))
        .t(": ")
        .t(&txt(s.title.get(c.l))));
    if let Some(def) = s.proxy {
        sec.to(h("p")
            .c("note proxy")
            .a("id", "proxy-note")
            .k(h("strong").t(c.t(i::PUB_PROXY)))
            .t(": ")
            .t(&txt(def.get(c.l)))
            .t(" ")
            .t(c.t(i::PUB_PROXY_SAYS)));
    }
    let figs = published(ds, subject);
    if figs.is_empty() {
        sec.to(h("p").c("muted").t(c.t(i::PUB_NOT_FOUND)).t("."));
    } else {
        sec.to(h("p")
            .c("small")
            .t(c.t(i::PUB_UNIT))
            .t(": ")
            .t(koers_core::view::unit(s.unit, c.l)));
        let tb = h("tbody");
        for o in &figs {
            let src = o.document.and_then(|d| ds.source(d));
            let doc = h("td");
            if let Some(src) = src {
                doc.to(out_link(src.url, &txt(src.title)));
                if let Some(tb) = src.table {
                    doc.to(h("div")
                        .c("muted small")
                        .t(c.t(i::PUB_TABLE))
                        .t(": ")
                        .t(&txt(tb)));
                }
            }
            let tags = h("td").k(origin_tag(c, Origin::Published));
            if o.provisional {
                tags.to(h("span").c("tag").t(c.t(i::PROVISIONAL)));
            }
            if let Some(n) = o.note {
                tags.to(h("div").c("muted small").t(&txt(n)));
            }
            tb.to(h("tr")
                .k(h("th").a("scope", "row").t(&o.year.to_string()))
                .k(h("td").t(&c.f.value(o.value, s.unit)))
                .k(h("td").c("quote").t(&o
                    .quote
                    .map(|q| ["“", &txt(q), "”"].concat())
                    .unwrap_or_default()))
                .k(h("td").t(&src.map(|s| txt(s.publisher)).unwrap_or_default()))
                .k(doc)
                .k(h("td").k(h("time")
                    .a("datetime", src.map(|s| s.released.raw()).unwrap_or(""))
                    .t(&src.map(|s| txt(s.released)).unwrap_or_default())))
                .k(tags));
        }
        let head = h("tr");
        for col in [
            i::YEAR,
            i::VALUE,
            i::PUB_AS_PUBLISHED,
            i::PUB_PUBLISHER,
            i::PUB_DOCUMENT,
            i::PUB_RELEASED,
            i::PUB_WHOSE,
        ] {
            head.to(h("th").a("scope", "col").t(c.t(col)));
        }
        let caption = match proxy_words(ds, c.l, subject) {
            Some(p) => [c.t(i::PUB_TITLE), " — ", &p].concat(),
            None => c.t(i::PUB_TITLE).into(),
        };
        sec.to(h("div").c("table-wrap").k(h("table")
            .a("id", "published-table")
            .k(h("caption").t(&caption))
            .k(h("thead").k(head))
            .k(tb)));
    }
    if let Some(n) = s.note {
        sec.to(h("p")
            .c("muted small")
            .k(h("strong").t(c.t(i::NOTE)))
            .t(" ")
            .t(&txt(n.get(c.l))));
    }
    sec.to(searched(c, s));
    sec
}

/// A subject's dated events: each a step, or the milestone reached only
/// when its source says so.
pub(crate) fn events_section(c: &Ctx, subject: &str) -> Option<H> {
    let ds = c.ds();
    let evs = events(ds, subject);
    if evs.is_empty() {
        return None;
    }
    let sec = section(c.t(i::PUB_EVENTS_TITLE), "events-h").a("id", "events");
    sec.to(h("p").c("muted small").t(c.t(i::PUB_EVENTS_CAPTION)));
    let ol = h("ol").c("events").a("id", "events-list");
    for e in &evs {
        let src = ds.source(e.source);
        let li = h("li").c(if e.achieved {
            "event reached"
        } else {
            "event step"
        });
        li.to(h("p")
            .c("event-head")
            .k(h("time").a("datetime", e.date.raw()).t(&txt(e.date)))
            .t(" ")
            .k(h("span")
                .c(if e.achieved {
                    "tag reached"
                } else {
                    "tag step"
                })
                .t(c.t(if e.achieved {
                    i::PUB_REACHED
                } else {
                    i::PUB_STEP
                })))
            .t(" ")
            .k(h("strong").t(&txt(e.title.get(c.l)))));
        li.to(h("blockquote")
            .c("event-quote")
            .k(h("p").t("“").t(&txt(e.quote)).t("”"))
            .ko(src.map(|s| {
                h("footer")
                    .t(&txt(s.publisher))
                    .t(", ")
                    .k(out_link(s.url, &txt(s.title)))
                    .t(" (")
                    .t(&txt(s.released))
                    .t(")")
            })));
        ol.to(li);
    }
    sec.to(ol);
    if !evs.iter().any(|e| e.achieved) {
        sec.to(h("p")
            .c("words")
            .a("id", "events-none-reached")
            .t(c.t(i::PUB_NONE_REACHED)));
    }
    Some(sec)
}

/// Every published figure, read-only, for the data view.
pub(crate) fn published_all(c: &Ctx) -> Option<H> {
    let ds = c.ds();
    let rows: Vec<Vec<String>> = ds
        .observations
        .iter()
        .filter(|o| o.is_headline() && monitor::is_published(o))
        .map(|o| {
            let src = o.document.and_then(|d| ds.source(d));
            let unit = ds.series_of(o.subject).map(|s| s.unit).or_else(|| {
                ds.target(o.subject)
                    .map(|t| t.unit)
                    .or_else(|| ds.indicator(o.subject).map(|x| x.unit))
            });
            let mut whose: String = c.t(i::PUB_TAG).into();
            if ds.series_of(o.subject).is_some_and(|s| s.proxy.is_some()) {
                whose.push_str("; ");
                whose.push_str(c.t(i::PUB_PROXY));
            }
            vec![
                subject_title(ds, c.l, o.subject).0,
                o.year.to_string(),
                unit.map(|u| c.f.value(o.value, u)).unwrap_or_default(),
                src.map(|s| txt(s.publisher)).unwrap_or_default(),
                src.map(|s| txt(s.released)).unwrap_or_default(),
                whose,
            ]
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let sec = section(c.t(i::PUB_ALL_TITLE), "published-all-h").a("id", "published-all");
    sec.to(h("p").c("muted small").t(c.t(i::PUB_ALL_LEDE)));
    sec.to(table(
        c.t(i::PUB_ALL_TITLE),
        &[
            c.t(i::PUB_SUBJECT),
            c.t(i::YEAR),
            c.t(i::VALUE),
            c.t(i::PUB_PUBLISHER),
            c.t(i::PUB_RELEASED),
            c.t(i::PUB_WHOSE),
        ],
        rows,
    ));
    Some(sec)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{escape, Obs, UserData};
    use koers_core::load;
    use koers_core::model::Unit;
    use std::boxed::Box;

    const FIGURES: &str = r#"{
      "format": "koers-figures", "format_version": 1,
      "sources": [
        {"id": "s1", "publisher": "CBS", "title": "R&D", "url": "https://example.org/a", "released": "2025-08-15"},
        {"id": "s2", "publisher": "OECD", "title": "MSTI", "url": "https://example.org/b", "released": "2021"}
      ],
      "series": [
        {"subject": "T-P2-rd-3pct-bbp-2030", "title": {"nl": "a", "en": "a"}, "unit": "percent_of_gdp",
         "searched": {"nl": "b", "en": "b"}},
        {"subject": "I-P5-kennismigranten", "title": {"nl": "a", "en": "a"}, "unit": "persons",
         "proxy": {"nl": "alle sectoren", "en": "all sectors"}, "searched": {"nl": "b", "en": "b"}},
        {"subject": "T-P3-pic-fabriek-2032", "title": {"nl": "m", "en": "m"}, "unit": "milestone",
         "searched": {"nl": "c", "en": "c"}}
      ],
      "observations": [
        {"subject": "T-P2-rd-3pct-bbp-2030", "year": 2023, "value": 2.3, "document": "s1", "quote": "2,30"},
        {"subject": "T-P2-rd-3pct-bbp-2030", "year": 2021, "value": 2.27, "document": "s1", "quote": "2,27"},
        {"subject": "I-P5-kennismigranten", "year": 2019, "value": 10, "document": "s2", "quote": "10"}
      ],
      "events": [
        {"subject": "T-P3-pic-fabriek-2032", "date": "2026-03-09", "title": {"nl": "y", "en": "y"},
         "source": "s1", "quote": "startsein"},
        {"subject": "T-P3-pic-fabriek-2032", "date": "2024-11", "title": {"nl": "x", "en": "x"},
         "source": "s1", "quote": "bouw gestart"}
      ]
    }"#;

    fn base() -> Box<Dataset<'static>> {
        let mut ds = Box::<Dataset<'static>>::default();
        load::load_into(koers_core::builtin::VISION_JSON, &mut ds).unwrap();
        load::load_figures_into(FIGURES, &mut ds).unwrap();
        ds
    }

    #[test]
    fn published_figures_come_by_year_and_the_users_lie_on_top() {
        let ds = base();
        let years: Vec<i32> = published(&ds, "T-P2-rd-3pct-bbp-2030")
            .iter()
            .map(|o| o.year)
            .collect();
        assert_eq!(years, [2021, 2023]);
        let mut user = UserData::default();
        user.obs.push(Obs {
            subject: "T-P2-rd-3pct-bbp-2030".into(),
            year: 2024,
            value: 2.4,
            source: escape("my own"),
            note: None,
            provisional: false,
        });
        let at = |y| origin(&ds, &user, "T-P2-rd-3pct-bbp-2030", y);
        assert_eq!(at(2023), Some(Origin::Published));
        assert_eq!(at(2024), Some(Origin::Yours));
        assert_eq!(at(2022), None);
        assert_eq!(
            i::t(Lang::Nl, Origin::Yours.words()),
            "van jou (in deze browser)"
        );
        assert_eq!(i::t(Lang::En, Origin::Published.words()), "published");
    }

    #[test]
    fn a_proxy_says_so_in_words_and_a_direct_series_does_not() {
        let ds = base();
        assert_eq!(
            proxy_words(&ds, Lang::Nl, "I-P5-kennismigranten").as_deref(),
            Some("Benadering: alle sectoren")
        );
        assert_eq!(
            proxy_words(&ds, Lang::En, "I-P5-kennismigranten").as_deref(),
            Some("Proxy: all sectors")
        );
        assert_eq!(proxy_words(&ds, Lang::Nl, "T-P2-rd-3pct-bbp-2030"), None);
        // The proxy's figures are drawn in the series' unit.
        let own = ds.indicator("I-P5-kennismigranten").unwrap().unit;
        assert_eq!(drawn_unit(&ds, "I-P5-kennismigranten", own), Unit::Persons);
        assert_eq!(
            drawn_unit(&ds, "I-P5-llo-deelnemers", Unit::Percent),
            Unit::Percent
        );
    }

    #[test]
    fn events_come_oldest_first_and_none_is_reached() {
        let ds = base();
        let evs = events(&ds, "T-P3-pic-fabriek-2032");
        let dates: Vec<&str> = evs.iter().map(|e| e.date.raw()).collect();
        assert_eq!(dates, ["2024-11", "2026-03-09"]);
        assert!(evs.iter().all(|e| !e.achieved));
        let all = monitor::coverage_all(&ds, 2026);
        let pic = all
            .iter()
            .find(|x| x.subject == "T-P3-pic-fabriek-2032")
            .unwrap();
        assert!(!pic.achieved);
    }
}
