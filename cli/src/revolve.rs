//! `koers revolve`: koers-core's revolving-capital model of a budget spread
//! evenly over years, printed as a table or JSON.

use super::{number, usage, value_of, year, Fail};

/// `koers revolve --budget EUR --from Y --to Y …`.
pub fn run(mut args: lexopt::Parser) -> Result<u8, Fail> {
    use koers_core::leverage::{self, RevolvingParams};
    let (mut budget, mut from, mut to, mut horizon) = (None, None, None, None);
    let (mut loss, mut ret, mut holding, mut lag, mut multiplier) = (None, None, None, None, None);
    let mut json = false;
    while let Some(arg) = args.next().map_err(|e| usage(e.to_string()))? {
        match arg {
            lexopt::Arg::Long("budget") => budget = Some(number(&mut args, "budget")?),
            lexopt::Arg::Long("from") => from = Some(year(&mut args, "from")?),
            lexopt::Arg::Long("to") => to = Some(year(&mut args, "to")?),
            lexopt::Arg::Long("horizon") => horizon = Some(year(&mut args, "horizon")?),
            lexopt::Arg::Long("loss") => loss = Some(number(&mut args, "loss")?),
            lexopt::Arg::Long("return") => ret = Some(number(&mut args, "return")?),
            lexopt::Arg::Long("multiplier") => multiplier = Some(number(&mut args, "multiplier")?),
            lexopt::Arg::Long("holding") | lexopt::Arg::Long("lag") => {
                let name = if matches!(arg, lexopt::Arg::Long("holding")) {
                    "holding"
                } else {
                    "lag"
                };
                let v = value_of(&mut args, name)?;
                let n: u32 = v.trim().parse().map_err(|_| {
                    usage(format!("--{name}: '{v}' is not a whole number of years"))
                })?;
                if name == "holding" {
                    holding = Some(n);
                } else {
                    lag = Some(n);
                }
            }
            lexopt::Arg::Long("format") => {
                json = match value_of(&mut args, "format")?.as_str() {
                    "json" => true,
                    "md" | "markdown" => false,
                    other => return Err(usage(format!("--format: '{other}' is not md or json"))),
                }
            }
            other => return Err(usage(format!("revolve: unexpected {other:?}"))),
        }
    }
    let need = |name: &str| {
        usage(format!(
            "revolve: --{name} is required (the model assumes nothing)"
        ))
    };
    let budget = budget.ok_or_else(|| need("budget"))?;
    let from = from.ok_or_else(|| need("from"))?;
    let to = to.ok_or_else(|| need("to"))?;
    let params = RevolvingParams {
        start_year: from,
        horizon_year: horizon.ok_or_else(|| need("horizon"))?,
        loss_rate: loss.ok_or_else(|| need("loss"))?,
        annual_return: ret.ok_or_else(|| need("return"))?,
        holding_years: holding.ok_or_else(|| need("holding"))?,
        reflow_lag_years: lag.ok_or_else(|| need("lag"))?,
    };
    if to < from {
        return Err(usage("revolve: --to is before --from"));
    }
    let years = usize::try_from(i64::from(to) - i64::from(from) + 1).unwrap_or(usize::MAX);
    if years > leverage::MAX_REVOLVING_YEARS {
        return Err(usage(format!(
            "revolve: at most {} budget years",
            leverage::MAX_REVOLVING_YEARS
        )));
    }
    let spread = leverage::even_budget(budget, years);
    if spread.is_empty() {
        return Err(usage(
            "revolve: --budget must be a finite amount of at least 0",
        ));
    }
    let r = leverage::revolve(&spread, &params);
    if let Some(reason) = r.reason.filter(|_| r.years.is_empty()) {
        return Err(Fail(1, format!("revolve: {reason}")));
    }
    let mobilised = multiplier.and_then(|m| leverage::revolving_mobilised_total(&r, m));
    if json {
        let out =
            serde_json::json!({ "params": params, "result": r, "mobilised_total": mobilised });
        say!("{out:#}");
        return Ok(0);
    }
    say!("| year | budget | reflow | redeployed | deployed |\n|---|---|---|---|---|");
    for y in &r.years {
        say!(
            "| {} | {:.0} | {:.0} | {:.0} | {:.0} |",
            y.year,
            y.budget,
            y.reflow,
            y.redeployed,
            y.deployed
        );
    }
    say!("");
    say!("budget total:     {:.0}", r.budget_total);
    say!("deployed total:   {:.0}", r.deployed_total);
    say!(
        "reflows by {}:  {:.0}",
        params.horizon_year,
        r.reflows_total
    );
    let show = |v: Option<f64>| v.map_or_else(|| "–".to_string(), |v| format!("{v:.4}"));
    say!("revolving factor: {}", show(r.revolving_factor));
    say!("q per cycle:      {}", show(r.q));
    say!(
        "long-run ceiling: {}",
        r.long_run_ceiling
            .map_or_else(|| "none (q >= 1)".to_string(), |v| format!("{v:.0}"))
    );
    if let Some(m) = mobilised {
        say!(
            "mobilised total at {}x per deployment: {m:.0}",
            multiplier.unwrap_or(0.0)
        );
    }
    Ok(0)
}
