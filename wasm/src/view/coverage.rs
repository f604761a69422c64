//! The overview's panel of published figures: how many subjects have
//! them, from whom, the latest per subject and how current it is, and the
//! gaps (stale, searched and not found, or not searched).

use std::string::{String, ToString};
use std::vec::Vec;

use koers_core::model::Lang;
use koers_core::monitor::{self, Coverage, Freshness};

use super::figures::{searched, subject_title, this_year};
use super::{section, txt, Ctx};
use crate::dom::{h, link, H};
use crate::i18n as i;

/// The overview's panel: how many subjects have published figures, from
/// whom, the latest per subject, and the gaps.
pub(super) fn coverage_panel(c: &Ctx) -> H {
    let ds = c.ds();
    let all = monitor::coverage_all(ds, this_year());
    let sum = monitor::summary(ds, &all);
    let sec = section(c.t(i::PUB_COVERAGE_TITLE), "coverage-h")
        .c("card coverage")
        .a("id", "coverage");
    sec.to(h("p")
        .c("coverage-count")
        .k(h("strong").t(&count_words(c.l, sum.with_figures, sum.subjects)))
        .t(": ")
        .t(&[
            sum.current.to_string().as_str(),
            " ",
            c.t(i::PUB_CURRENT_PROXIES),
            ", ",
            &sum.proxies.to_string(),
            " ",
            c.t(i::PUB_PROXIES_WORD),
            "; ",
            &sum.figures.to_string(),
            " ",
            c.t(i::PUB_FIGURES_WORD),
            ".",
        ]
        .concat()));
    if !sum.publishers.is_empty() {
        let ul = h("ul")
            .c("publishers")
            .a("aria-label", c.t(i::PUB_PUBLISHERS));
        for p in &sum.publishers {
            ul.to(h("li").t(&txt(*p)));
        }
        sec.to(h("p")
            .c("small")
            .k(h("strong").t(c.t(i::PUB_PUBLISHERS)))
            .t(" (")
            .t(&sum.publishers.len().to_string())
            .t("):"));
        sec.to(ul);
    }
    let with: Vec<&Coverage> = all.iter().filter(|x| x.figures > 0).collect();
    if !with.is_empty() {
        let tb = h("tbody");
        for x in &with {
            let (name, route) = subject_title(ds, c.l, x.subject);
            tb.to(h("tr")
                .k(h("th").a("scope", "row").k(link(&route.hash(), &name)))
                .k(h("td").t(&x.latest_year.map(|y| y.to_string()).unwrap_or_default()))
                .k(h("td").t(&x.released.map(txt).unwrap_or_default()))
                .k(h("td").t(&x.publisher.map(txt).unwrap_or_default()))
                .k(h("td").t(c.t(if x.proxy {
                    i::PUB_YES_PROXY
                } else {
                    i::PUB_NO_PROXY
                })))
                .k(h("td").t(c.t(freshness_words(x.freshness)))));
        }
        let head = h("tr");
        for col in [
            i::PUB_SUBJECT,
            i::PUB_LATEST_YEAR,
            i::PUB_RELEASED,
            i::PUB_PUBLISHER,
            i::PUB_PROXY_COL,
            i::PUB_FRESHNESS,
        ] {
            head.to(h("th").a("scope", "col").t(c.t(col)));
        }
        sec.to(h("div").c("table-wrap").k(h("table")
            .a("id", "coverage-table")
            .k(h("caption").t(c.t(i::PUB_TABLE_CAPTION)))
            .k(h("thead").k(head))
            .k(tb)));
    }
    let gaps: Vec<&Coverage> = all
        .iter()
        .filter(|x| x.freshness != Freshness::Current)
        .collect();
    if !gaps.is_empty() {
        sec.to(h("h3").a("id", "gaps-h").t(c.t(i::PUB_GAPS_TITLE)));
        sec.to(h("p").c("muted small").t(c.t(i::PUB_GAPS_LEDE)));
        let ul = h("ul")
            .c("gaps")
            .a("id", "coverage-gaps")
            .a("aria-labelledby", "gaps-h");
        for x in gaps {
            let (name, route) = subject_title(ds, c.l, x.subject);
            let li = h("li").k(link(&route.hash(), &name)).t(": ");
            match (x.latest_year, ds.series_of(x.subject)) {
                (Some(y), _) => {
                    li.to(h("span").t(&[
                        c.t(i::PUB_LATEST_IS),
                        " ",
                        &y.to_string(),
                        " (",
                        c.t(i::PUB_STALE),
                        ")",
                    ]
                    .concat()));
                }
                (None, Some(s)) => {
                    li.to(h("span").t(c.t(i::PUB_NOT_FOUND)));
                    if x.events > 0 {
                        li.to(h("span").t(&[
                            "; ",
                            &x.events.to_string(),
                            " ",
                            c.t(i::PUB_STEPS_COUNT),
                        ]
                        .concat()));
                    }
                    li.to(searched(c, s));
                }
                (None, None) => {
                    li.to(h("span").t(c.t(i::PUB_NOT_SEARCHED)));
                }
            }
            ul.to(li);
        }
        sec.to(ul);
    }
    sec
}

fn freshness_words(f: Freshness) -> i::S {
    match f {
        Freshness::Current => i::PUB_CURRENT,
        Freshness::Stale => i::PUB_STALE,
        Freshness::None => i::PUB_NONE,
    }
}

/// The overview's count in words: "14 van de 25 ambities en
/// impactindicatoren hebben gepubliceerde cijfers".
fn count_words(l: Lang, with: usize, of: usize) -> String {
    [
        with.to_string().as_str(),
        " ",
        i::t(l, i::PUB_OF),
        " ",
        &of.to_string(),
        " ",
        i::t(l, i::PUB_SUBJECTS_HAVE),
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn the_count_reads_in_both_languages() {
        assert_eq!(
            count_words(Lang::Nl, 14, 25),
            "14 van de 25 ambities en impactindicatoren hebben gepubliceerde cijfers"
        );
        assert_eq!(
            count_words(Lang::En, 14, 25),
            "14 of 25 ambitions and impact indicators have published figures"
        );
    }
}
