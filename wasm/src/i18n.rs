//! The interface's words in Dutch (the default, the vision's language) and
//! English. Words for statuses, methods, reasons and units are core's
//! (`koers_core::view`), shared with the command line.

use std::string::String;

use koers_core::model::Lang;

mod messages;
pub use messages::{change, error_kind};

/// A text in Dutch and English.
pub type S = [&'static str; 2];

/// The text in `lang`.
pub const fn t(lang: Lang, s: S) -> &'static str {
    match lang {
        Lang::Nl => s[0],
        Lang::En => s[1],
    }
}

macro_rules! words {
    ($($name:ident = $nl:literal, $en:literal;)*) => {
        $(#[doc = $en] pub const $name: S = [$nl, $en];)*
    };
}

words! {
    ACTIONS = "Acties", "Actions";
    ADD = "Toevoegen", "Add";
    ADDS_UP = "klopt", "adds up";
    ADD_BELOW = "Voer hieronder een cijfer in.", "Enter a figure below.";
    ADD_FIGURE = "Cijfer toevoegen", "Add a figure";
    ADD_HINT = "Een waarde per jaar. Voor cumulatieve doelen (een aantal extra sinds de basis) de stroom in dat jaar, niet het lopende totaal. Getallen met een punt als decimaalteken.", "One value per year. For cumulative targets (a number extra since the baseline) the flow in that year, not the running total. Numbers with a point as decimal separator.";
    AGAINST = "tegen", "against";
    ALL_OBS = "Alle ingevoerde cijfers", "All figures entered";
    AMBITION = "Ambitie", "Ambition";
    AMOUNT = "Bedrag (publiek, privaat, rest van totaal)", "Amount (public, private, rest of total)";
    ANNUAL_RETURN = "Rendement per jaar (%)", "Annual return (%)";
    ASSESSED = "Beoordeeld", "Assessed";
    ASSUMPTIONS_NOTE = "Aannames van koers, niet van de visie: pas ze aan. De visie geeft geen formule voor revolverend kapitaal.", "Assumptions of koers, not of the vision: adjust them. The vision gives no formula for revolving capital.";
    AVERAGED = "gemiddeld", "averaged";
    A_YEAR_FROM_NOW = "per jaar vanaf nu nodig", "a year needed from now on";
    BASELINE = "Basis", "Baseline";
    BASELINE_ASSUMED = "Basis (aangenomen)", "Baseline (assumed)";
    BASELINE_ASSUMED_WORDS = "De visie geeft geen basiswaarde; aangenomen", "The vision gives no baseline; assumed";
    BASIS = "Grondslag", "Basis";
    BOTH_METHODS = "Beide methoden naast elkaar", "Both methods side by side";
    BREADCRUMB = "Kruimelpad", "Breadcrumb";
    BUDGET_TOTAL = "Nieuw budget", "New budget";
    CANNOT_COMPUTE = "Niet te berekenen", "Cannot be computed";
    CANNOT_TELL = "niet vast te stellen", "cannot tell";
    CHART = "Verloop", "Course";
    COUNTED_ONCE = "Eenmaal geteld (alleen bovenste vensters):", "Counted once (top-level windows only):";
    DATA = "Gegevens", "Data";
    DATA_LEDE = "Hier staan alle cijfers die u invoerde, bewerkbaar. Ze blijven in deze browser bewaard (localStorage) en gaan nergens anders heen.", "All the figures you entered, editable. They are kept in this browser (localStorage) and go nowhere else.";
    DATA_TABLE = "Gegevens als tabel", "Data as a table";
    DATA_TITLE = "Gegevens", "Data";
    DELETE = "Verwijderen", "Delete";
    DEPLOYED = "Ingezet", "Deployed";
    DEPLOYED_TOTAL = "Totaal ingezet tot de horizon", "Deployed to the horizon";
    DIRECTION = "Richting", "Direction";
    DISTANCE_SHARE = "Afgelegde afstand", "Distance travelled";
    DOES_NOT_ADD_UP = "klopt niet", "does not add up";
    DOWNLOAD_CSV = "Tabel als CSV", "Table as CSV";
    DOWNLOAD_PNG = "PNG", "PNG";
    DOWNLOAD_SVG = "SVG", "SVG";
    ENTER_FIGURES = "Cijfers invoeren", "Enter figures";
    EXPORT_CSV = "Exporteer CSV", "Export CSV";
    EXPORT_JSON = "Exporteer JSON", "Export JSON";
    FIGURES_ENTERED = "Ingevoerde cijfers", "Figures entered";
    FLOWS_TITLE = "Gerealiseerde bedragen per venster", "Realised amounts per window";
    FLOWS_HINT = "Per venster en jaar wat er werkelijk is toegezegd en uitbetaald, in euro’s (bijv. 400000000); laat leeg wat onbekend is. Zo ontstaat de gerealiseerde multiplier onder Geld.", "Per window and year what was actually committed and disbursed, in euros (e.g. 400000000); leave empty what is unknown. This gives the realised multiplier under Money.";
    FOCUS_AREAS = "Focusgebieden", "Focus areas";
    FOOTER = "koers volgt {vision} ({published}). Alles wordt in uw browser berekend; er gaat niets naar een server.", "koers tracks {vision} ({published}). Everything is computed in your browser; nothing goes to a server.";
    FROM = "vanaf", "from";
    FROM_THE_VISION = "Wat de visie zegt", "What the vision says";
    GROWTH_A_YEAR = "Groei per jaar", "Growth a year";
    HEADLINES = "Kerncijfers", "Headline figures";
    HEADLINE_METHOD_NOTE = "De status bovenaan volgt uit:", "The status at the top comes from:";
    HOLDING_YEARS = "Looptijd (jaren)", "Holding period (years)";
    ILLUSTRATIVE_HERE = "Cijfers hier zijn verzonnen voorbeelden, geen echte gegevens.", "Figures here are invented examples, not real data.";
    ILLUSTRATIVE_TAG = "illustratief", "illustrative";
    ILLUSTRATIVE_TEXT = "Er zijn verzonnen voorbeeldcijfers geladen. Ze laten zien hoe koers werkt en zeggen niets over de werkelijkheid. Verwijder ze via Gegevens.", "Invented example figures are loaded. They show how koers works and say nothing about reality. Remove them under Data.";
    ILLUSTRATIVE_TITLE = "Illustratief, niet echt.", "Illustrative, not real.";
    IMPORT = "Importeer CSV of JSON…", "Import CSV or JSON…";
    IMPORT_EXPORT = "Importeren en exporteren", "Import and export";
    IN = "in", "in";
    INDICATORS = "Impactindicatoren", "Impact indicators";
    INDICATORS_WORD = "impactindicatoren", "impact indicators";
    INTERNATIONAL = "Doelstellingen internationaal", "International objectives";
    IN_PARTS = "in onderdelen", "in parts";
    IO_HINT = "CSV: kolommen subject, year, value, source, note, provisional. JSON: een volledig koers-bestand (zoals geëxporteerd). Een import wordt eerst helemaal gecontroleerd en vervangt dan de cijfers; bij een fout verandert er niets. Ongedaan maken kan altijd. SDMX-CSV (Eurostat, OECD) en CBS StatLine-exports: u kiest eerst welke reeks bij welk doel hoort en ziet wat er wordt toegevoegd.", "CSV: columns subject, year, value, source, note, provisional. JSON: a whole koers file (as exported). An import is checked in full first and then replaces the figures; on any error nothing changes. Undo is always possible. SDMX-CSV (Eurostat, OECD) and CBS StatLine exports: you first choose which series goes to which target and see what will be added.";
    KIND = "Soort", "Kind";
    LAG_YEARS = "Vertraging herinzet (jaren)", "Redeployment lag (years)";
    LATEST = "laatste", "latest";
    LEDE = "Waar staan de ambities van {vision}? Per prioriteit de status, de kernambities en hoe ver ze zijn.", "Where do the ambitions of {vision} stand? Per priority the status, the key ambitions and how far they have come.";
    LINE = "Regel", "Line";
    LOAD_EXAMPLES = "Laad voorbeeldcijfers (verzonnen)", "Load example figures (invented)";
    LONG_RUN_CEILING = "Plafond op lange termijn", "Long-run ceiling";
    LOSS_RATE = "Verliespercentage (%)", "Loss rate (%)";
    MAIN_NAV = "Hoofdmenu", "Main menu";
    MEAN_SCORE = "Gemiddelde score", "Mean score";
    MEASURES = "Meet", "Measures";
    METHOD = "Methode en bronnen", "Method and sources";
    METHOD_TITLE = "Methode en bronnen", "Method and sources";
    METHOD_WORD = "methode", "method";
    MILESTONE_HINT = "Een mijlpaal: 1 = gereed, 0 = nog niet.", "A milestone: 1 = done, 0 = not yet.";
    MOBILISED_AT = "Gemobiliseerd bij dezelfde multiplier", "Mobilised at the same multiplier";
    MONEY = "Geld", "Money";
    MONEY_LEDE = "Alle investeringsvensters van de visie tot {horizon}, publiek en privaat, met hun hefboom en wat er al gerealiseerd is.", "Every investment window of the vision to {horizon}, public and private, with its leverage and what has been realised.";
    MONEY_TITLE = "Geld: vensters, hefboom en revolverend kapitaal", "Money: windows, leverage and revolving capital";
    MULTIPLIER = "Multiplier", "Multiplier";
    MULTIPLIERS = "Multipliers tegen hun doel", "Multipliers against their targets";
    MULTIPLIER_NOTE = "Multiplier = totaal / publiek (EFSI/InvestEU). Privaat gemobiliseerd = totaal − alle publieke middelen (OECD); de visie noemt per venster geen andere publieke cofinanciering, dus die is op 0 gesteld.", "Multiplier = total / public (EFSI/InvestEU). Private mobilised = total − all public money (OECD); the vision names no other public co-funding per window, so it is taken as 0.";
    NATIONAL = "Doelstellingen nationaal", "National objectives";
    NEEDS = "Nog", "Still";
    NESTED_NOT_TWICE = "geneste vensters niet dubbel geteld", "nested windows not counted twice";
    NEW_BUDGET = "Nieuw budget", "New budget";
    NONE_STATED = "niet genoemd", "not stated";
    NONE_YET = "Nog geen.", "None yet.";
    NOTE = "Toelichting", "Note";
    NOTHING_CHANGED = "Er is niets veranderd.", "Nothing was changed.";
    NOT_AVAILABLE_BECAUSE = "Geen status:", "No status:";
    NOT_AVAILABLE_UNTIL = "Geen gegevens tot er cijfers zijn ingevoerd.", "Not available until figures are entered.";
    NOT_FOUND = "Niet gevonden", "Not found";
    NOW_AT = "Nu", "Now";
    NO_CEILING = "geen (kapitaal krimpt niet)", "none (capital does not shrink)";
    NO_FIGURES_YET = "nog geen cijfers", "no figures yet";
    NO_FLOWS_TEXT = "Nog geen gerealiseerde bedragen. Importeer een koers JSON-bestand met window_flows om ze hier per jaar tegen elk venster te zien.", "No realised amounts yet. Import a koers JSON file with window_flows to see them here per year against each window.";
    NO_FLOWS_YET = "nog geen gerealiseerde bedragen", "no realised amounts yet";
    NO_OBS_TABLE = "Nog geen cijfers ingevoerd. De meegeleverde visie bevat geen waarnemingen.", "No figures entered yet. The shipped vision has no observations.";
    NO_OBS_TEXT = "De meegeleverde visie bevat geen waarnemingen, dus elke status is ‘Geen gegevens’ tot u cijfers invoert.", "The shipped vision has no observations, so every status is ‘Not available’ until you enter figures.";
    NO_OBS_TITLE = "Nog geen cijfers.", "No figures yet.";
    NO_TARGETS = "Geen gekwantificeerde ambities in de visie;", "No quantified ambitions in the vision;";
    OBSERVED = "Waargenomen", "Observed";
    OBS_WORD = "waarnemingen", "observations";
    OF_THE_WAY = "van de weg afgelegd", "of the way travelled";
    ON_TREND_AFTER_2100 = "Op deze trend niet voor 2100 bereikt.", "On this trend not reached before 2100.";
    ON_TREND_NEVER = "Op deze trend nooit bereikt: de trend wijst de verkeerde kant op.", "On this trend never reached: the trend points the wrong way.";
    ON_TREND_REACHED_IN = "Op deze trend bereikt in", "On this trend reached in";
    OPEN_SDG_NO_TARGET = "Open SDG zonder streefwaarde (groeivoet)", "Open SDG without a target (growth rate)";
    OVERVIEW = "Overzicht", "Overview";
    OVER_TIME = "verloop", "over time";
    OWN_SUMS = "Kloppen de sommen van de visie?", "Do the vision's own sums add up?";
    PACE_RATIO = "Tempo (afstand / tijd)", "Pace (distance / time)";
    PERIOD = "Periode", "Period";
    PERIOD_OPEN = "periode niet genoemd (tot de horizon)", "period not stated (to the horizon)";
    PER_STATUS = "Aantal per status", "Count per status";
    PER_YEAR = "per jaar", "a year";
    PER_YEAR_SHORT = " /jr", " /yr";
    PRIORITIES = "De zes strategische prioriteiten", "The six strategic priorities";
    PRIVATE = "privaat", "private";
    PRIVATE_STATED = "privaat genoemd", "private stated";
    PRIVATE_TO_MOBILISE = "Privaat te mobiliseren", "Private to mobilise";
    PRIV_COMMITTED = "Privaat toegezegd", "Private committed";
    PRIV_DISBURSED = "Privaat uitbetaald", "Private disbursed";
    PROBLEMS_TITLE = "Niet overgenomen.", "Not taken over.";
    PROGRESS = "Voortgang", "Progress";
    PROGRESS_VALUE = "Voortgangswaarde", "Progress value";
    PROVISIONAL = "voorlopig", "provisional";
    PUBLIC = "publiek", "public";
    PUBLISHED = "Gepubliceerd", "Published";
    PUB_COMMITTED = "Publiek toegezegd", "Public committed";
    PUB_DISBURSED = "Publiek uitbetaald", "Public disbursed";
    Q_ABOUT = "ongeveer", "about";
    Q_AT_LEAST = "minstens", "at least";
    Q_MORE_THAN = "meer dan", "more than";
    Q_UP_TO = "tot", "up to";
    REACHED_ON_TREND = "Bereikt op trend", "Reached on trend";
    REACHED_SINCE = "Doel bereikt sinds", "Target reached since";
    REALISED = "Gerealiseerd per jaar", "Realised per year";
    REALISED_MULTIPLIER = "Gerealiseerde multiplier", "Realised multiplier";
    REALISED_PRIVATE = "Gerealiseerd privaat (toegezegd)", "Realised private (committed)";
    REALISED_PUBLIC = "Gerealiseerd publiek (toegezegd)", "Realised public (committed)";
    REDEPLOYED = "Opnieuw ingezet", "Redeployed";
    REDO = "Opnieuw", "Redo";
    REFLOW = "Terugvloeiing", "Reflow";
    REFLOWS_TOTAL = "Terugvloeiingen tot de horizon", "Reflows to the horizon";
    REQUIRED_PATH = "Benodigd pad", "Required path";
    RESET = "Terug naar de visie (wis mijn cijfers)", "Reset to the vision (clear my figures)";
    REVOLVING = "revolverend", "revolving";
    REVOLVING_DESC = "Per jaar nieuw publiek budget en opnieuw ingezette terugvloeiingen, gestapeld.", "Per year new public budget and redeployed reflows, stacked.";
    REVOLVING_FACTOR = "Revolveerfactor", "Revolving factor";
    REVOLVING_LEDE = "Geld dat terugkomt wordt opnieuw ingezet. Model: ingezet = budget + terugvloeiing (na vertraging); terugvloeiing = (1 − verlies)(1 + rendement)^looptijd × eerder ingezet.", "Money that returns is invested again. Model: deployed = budget + reflow (after the lag); reflow = (1 − loss)(1 + return)^holding × deployed earlier.";
    REVOLVING_TITLE = "Revolverend kapitaal", "Revolving capital";
    RUNNING_TOTAL = "Lopend totaal", "Running total";
    SCORE = "Score", "Score";
    SCORE_RANGE = "(−5 tot 5)", "(−5 to 5)";
    SEE_MONEY = "Alle vensters en de hefboom", "All windows and leverage";
    SHARE_OF_WINDOW = "Deel van het venster", "Share of the window";
    SKIP = "Naar de inhoud", "Skip to content";
    SOURCE = "Bron", "Source";
    SOURCE_HINT = "bijv. CBS, jaarverslag 2026", "e.g. Statistics Netherlands, annual report 2026";
    SPREAD_EVENLY = "gelijk verdeeld over", "spread evenly over";
    STATUS = "Status", "Status";
    STATUS_KEY = "De statussen", "The statuses";
    SUBJECT = "Ambitie of indicator", "Ambition or indicator";
    TARGET = "Doel", "Target";
    TARGETS = "Ambities", "Ambitions";
    TARGETS_WORD = "ambities", "ambitions";
    TARGET_MULTIPLIER = "Beoogde multiplier", "Target multiplier";
    TARGET_YEAR = "Doeljaar", "Target year";
    THE_LAST = "de laatste", "the last";
    TIMELINE_DESC = "Elk investeringsvenster met zijn periode tot {horizon} en zijn bedrag; geneste vensters ingesprongen onder het venster waar ze deel van zijn.", "Every investment window with its period to {horizon} and its amount; nested windows indented under the window they are part of.";
    TIMELINE_TITLE = "Investeringsvensters tot {horizon}", "Investment windows to {horizon}";
    TIME_SHARE = "Verstreken tijd", "Time elapsed";
    TOTAL = "totaal", "total";
    TOTAL_STATED = "totaal genoemd", "total stated";
    TOTAL_UNSPLIT = "rest van het totaal", "rest of the total";
    TREND = "Trend", "Trend";
    UNDO = "Ongedaan maken", "Undo";
    UNIT = "Eenheid", "Unit";
    UNKNOWN_PARTS = "onbekend of niet vergelijkbaar", "unknown or not comparable";
    UNREADABLE = "Opgeslagen cijfers konden niet worden gelezen. Ze zijn apart bewaard in deze browser en niet gewist, elke kopie tot u die verwijdert:", "Stored figures could not be read. They were set aside in this browser, not deleted, each copy until you remove it:";
    UNSD_RATIO = "UNSD-verhouding (trend)", "UNSD ratio (trend)";
    UNTIL = "t/m", "to";
    VALUE = "Waarde", "Value";
    MORE_CHAPTERS = "en nog {n} hoofdstukken", "and {n} more chapters";
    VISION_SECTIONS = "De hoofdstukken van de visie", "The vision's chapters";
    WEAKEST = "Zwakste schakel:", "Weakest link:";
    WEAKEST_NONE = "nog niet te bepalen: geen ambitie heeft al een status.", "not known yet: no ambition has a status.";
    WHAT = "Wat", "What";
    WHOLE_VISION = "De hele visie", "The whole vision";
    WHY_NOT = "Waarom niet", "Why not";
    WINDOW = "Venster", "Window";
    WINDOWS = "Investeringsvensters", "Investment windows";
    WITHOUT_AMOUNT = "zonder bedrag", "without an amount";
    YEAR = "Jaar", "Year";
    YEARS_WORD = "jaar", "years";
    YEAR_WORD = "jaar", "year";
    BD_TITLE = "Uitsplitsingen", "Breakdowns";
    BD_LEDE = "De gepubliceerde cijfers per uitsplitsing (regio, sector, geslacht, …), één tegelijk naast het totaal. De status hierboven is die van het totaal alleen.", "The published figures per breakdown (region, sector, sex, …), one at a time beside the headline. The status above is the headline’s alone.";
    BD_SHOW = "Toon uitsplitsing", "Show breakdown";
    BD_HEADLINE = "Totaal", "Headline";
    IM_TITLE = "Cijfers uit een statistiekbestand", "Figures from a statistics file";
    IM_LEDE = "Kies per reeks het doel of de indicator waar de cijfers bij horen, en of de waarden in duizenden of miljoenen staan. Het voorbeeld toont wat wordt toegevoegd; pas na Importeren wordt iets bewaard, alles of (bij één probleem) niets. Kwartaal- en maandcijfers worden overgeslagen.", "Choose per series the target or indicator its figures belong to, and whether the values are in thousands or millions. The preview shows what will be added; nothing is kept until Import, and then all of it or (with any problem) nothing. Quarterly and monthly figures are skipped.";
    IM_SERIES = "Reeks", "Series";
    IM_YEARS = "Jaren", "Years";
    IM_FLAGS = "Bijzonderheden", "Notes";
    IM_TO = "Naar", "Goes to";
    IM_SCALE = "Vermenigvuldigen met", "Multiply by";
    IM_NONE = "— niet importeren —", "— not imported —";
    IM_PREVIEW = "Voorbeeld: deze cijfers worden toegevoegd", "Preview: these figures will be added";
    IM_CHOOSE = "Kies hierboven minstens één reeks.", "Choose at least one series above.";
    IM_CONFIRM = "Importeren", "Import";
    IM_CANCEL = "Annuleren", "Cancel";
    IM_ESTIMATED = "geschat", "estimated";
    IM_MISSING = "zonder waarde", "without a value";
    IM_SKIPPED = "kwartaal/maand overgeslagen", "quarterly/monthly skipped";
    IM_NO_YEARS = "geen jaarcijfers", "no yearly figures";
    SCENARIO = "Wat als?", "What if?";
    SCENARIO_TITLE = "Wat als? Scenario’s tot {horizon}", "What if? Scenarios to {horizon}";
    SCENARIO_LEDE = "Verander wat het publieke geld, de private hefboom en de instroom doen, en zie meteen wat dat betekent voor {first}, {horizon} en de {total}. koers-core rekent alles in uw browser; de visie staat ernaast.", "Change what public money, private leverage and inflow do, and see at once what it means for {first}, {horizon} and the {total}. koers-core computes everything in your browser; the vision stands beside it.";
    SC_MONEY = "Geld: publiek bedrag en hefboom per venster", "Money: public amount and leverage per window";
    SC_MONEY_HINT = "Beginwaarden zijn die van de visie. Een venster binnen een ander is een deel van diens geld; de multiplier van het omvattende venster geldt voor de rest ervan.", "Starting values are the vision’s. A window inside another is part of its money; the enclosing window’s multiplier applies to the rest of it.";
    SC_PUBLIC = "Publiek bedrag (mln. euro)", "Public amount (EUR million)";
    SC_MULTIPLIER = "Multiplier (totaal per publieke euro)", "Multiplier (total per public euro)";
    SC_MULTIPLIER_REST = "Multiplier op de rest (totaal per publieke euro)", "Multiplier on the rest (total per public euro)";
    SC_VISION_WORD = "visie:", "vision:";
    SC_DERIVED = "afgeleid uit de totalen van de visie", "derived from the vision’s totals";
    SC_WITHIN = "binnen", "within";
    SC_REFLOWS = "Tel terugvloeiingen die vóór de horizon opnieuw worden ingezet (revolverend model, een bovengrens)", "Count reflows redeployed before the horizon (revolving model, an upper reading)";
    SC_REVOLVE = "Revolverend model en spreiding", "Revolving model and spread";
    SC_DEPLOY_UNTIL = "Laatste jaar nieuw budget", "Last year of new budget";
    SC_SPREAD_NOTE = "Publiek geld wordt gelijk over de jaren tot en met dit jaar ingezet (aanname van koers; de visie noemt geen schema).", "Public money is deployed evenly over the years up to this one (an assumption of koers; the vision gives no schedule).";
    SC_FLOWS = "Talent en andere stromen: instroom of groei vanaf nu", "Talent and other flows: inflow or growth from now on";
    SC_FLOWS_HINT = "Per ambitie een vaste jaarlijkse instroom (of verandering) of een groeivoet vanaf het laatste cijfer. Zonder cijfers is er geen tempo van vandaag: dat stelt u zelf in.", "Per ambition a fixed yearly inflow (or change) or a growth rate from the latest figure. Without figures there is no pace today: you set one.";
    SC_KIND = "Verloop", "Course";
    SC_INFLOW = "Vaste instroom per jaar", "Fixed inflow a year";
    SC_GROWTH = "Groei per jaar (%)", "Growth a year (%)";
    SC_CHANGE = "Vaste verandering per jaar", "Fixed change a year";
    SC_MONEY_OUT = "Gemobiliseerd per venster tot de horizon (multiplier als geheel)", "Mobilised per window by the horizon (multiplier as a whole)";
    SC_TODAY = "Tempo van vandaag (gemiddelde van de laatste cijfers):", "Today’s pace (mean of the latest figures):";
    SC_NO_PACE = "Nog geen cijfers, dus geen tempo van vandaag. Stel een tempo in, of begin bij wat de visie nodig heeft.", "No figures yet, so no pace today. Set a pace, or start from what the vision needs.";
    SC_USE_REQUIRED = "Begin bij het tempo dat de visie nodig heeft", "Start from the pace the vision needs";
    SC_NEEDS = "De visie heeft nodig:", "The vision needs:";
    SC_FROM = "vanaf", "from";
    SC_START_ASSUMED = "(aangenomen: nul, zoals bij de eerste ingevoerde cijfers)", "(assumed: zero, as with the first figures entered)";
    SC_NO_START = "Nog geen cijfer om vanaf te rekenen: voer er een in onder Gegevens.", "No figure to start from yet: enter one under Data.";
    SC_GROWTH_NO_FLOW = "Groei heeft een laatste jaarcijfer nodig; zonder cijfers blijft het nul.", "Growth needs a latest yearly figure; without figures it stays zero.";
    SC_OUTCOME = "Uitkomst: scenario naast de visie", "Outcome: scenario beside the vision";
    SC_SCENARIO = "Scenario", "Scenario";
    SC_VISION = "Visie", "Vision";
    SC_MOBILISED_BY = "Gemobiliseerd tot en met", "Mobilised by";
    SC_REACHED_IN = "bereikt in", "reached in";
    SC_NOT_REACHED = "niet bereikt in", "not reached by";
    SC_SHORT = "tekort", "short";
    SC_YEAR_REACHED = "Jaar bereikt", "Year reached";
    SC_GAP = "Tekort in het doeljaar", "Gap in the target year";
    SC_NOT_BY = "niet voor 2100", "not before 2100";
    SC_TOTAL = "Totaal (eenmaal geteld)", "Total (counted once)";
    SC_OVER = "De vensters erbinnen zijn groter dan dit venster; de rest telt als nul.", "The windows inside exceed this window; the rest counts as zero.";
    SC_CHART_TITLE = "Gemobiliseerd per jaar: scenario en visie", "Mobilised by year: scenario and vision";
    SC_CHART_DESC = "Lopend totaal van de gemobiliseerde investering per jaar in het scenario (doorgetrokken) en in de visie (gestippeld), tegen het doel (gestreept).", "Running total of the investment mobilised per year in the scenario (solid) and in the vision (dotted), against the target (dashed).";
    SC_VISION_NOTE = "Visie: haar eigen bedragen en multipliers, elke publieke euro eenmaal geteld.", "Vision: its own amounts and multipliers, every public euro counted once.";
    SC_SAVE = "Bewaren, delen, exporteren", "Save, share, export";
    SC_NAME = "Naam van het scenario", "Scenario name";
    SC_SAVE_BUTTON = "Bewaar in deze browser", "Save in this browser";
    SC_SAVED = "Bewaarde scenario’s", "Saved scenarios";
    SC_OPEN = "Openen", "Open";
    SC_LINK = "Link naar dit scenario", "Link to this scenario";
    SC_EXPORT = "Exporteer scenario (JSON)", "Export scenario (JSON)";
    SC_RESET = "Terug naar de visie", "Back to the vision";
    SC_SAVED_FLASH = "Scenario bewaard in deze browser.", "Scenario saved in this browser.";
    SC_UNNAMED = "Scenario", "Scenario";
    SC_FULL = "Niet bewaard: er zijn al {n} scenario's bewaard, het meeste dat deze browser bewaart. Verwijder er eerst een.", "Not saved: {n} scenarios are saved already, the most this browser keeps. Delete one first.";
    SC_TARGET_WORD = "doel", "target";
    COPY = "Kopieer", "Copy";
    COPIED = "Gekopieerd (of geselecteerd: Ctrl+C)", "Copied (or selected: Ctrl+C)";
    EMBED = "Insluiten", "Embed";
    EMBED_PARTS = "Onderdelen insluiten", "Embed parts";
    EMBED_TITLE = "Insluiten op een andere site", "Embed on another site";
    EMBED_IFRAME = "Als iframe", "As an iframe";
    EMBED_IFRAME_HINT = "Het script erbij is optioneel: het past de hoogte van het iframe aan de inhoud aan (het deel meldt zijn hoogte met postMessage).", "The script with it is optional: it sizes the iframe to its content (the part reports its height with postMessage).";
    EMBED_ELEMENT = "Als element (Shadow DOM)", "As an element (Shadow DOM)";
    EMBED_ELEMENT_HINT = "Eén script, met het wasm-bestand ernaast. De stijlen blijven binnen het element; meer elementen op één pagina kan, elk met eigen taal en toestand.", "One script, with the wasm file next to it. Styles stay inside the element; several elements on one page work, each with its own language and state.";
    EMBED_CSP = "Heeft uw site een Content-Security-Policy: het iframe vraagt frame-src voor deze site; het element script-src en connect-src voor deze site en 'wasm-unsafe-eval'.", "If your site has a Content-Security-Policy: the iframe needs frame-src for this site; the element needs script-src and connect-src for this site and 'wasm-unsafe-eval'.";
    EMBED_PREVIEW = "Bekijk het ingesloten deel", "Preview the embedded part";
    EMBED_OFFLINE = "Dit is de losse offline editie (koers.html). Insluiten kan vanaf koers op een webadres (make run, of de map www op een server).", "This is the single-file offline edition (koers.html). Embedding works from koers at a web address (make run, or the www folder on a server).";
    CLOSE = "Sluiten", "Close";
    OPEN_FULL = "Open in koers ↗", "Open in koers ↗";
    SAVE_FAILED = "Opslaan in deze browser lukte niet: uw cijfers staan alleen in dit tabblad. Exporteer ze.", "Saving in this browser failed: your figures are only in this tab. Export them.";
    CONFIRM_RESET = "Alle ingevoerde cijfers wissen en terug naar de visie? (Ongedaan maken blijft mogelijk.)", "Clear every figure entered and go back to the vision? (Undo stays possible.)";
    IMPORT_READING = "Het bestand wordt gelezen:", "Reading the file:";
    IMPORT_CHECKING = "regels worden gecontroleerd en ingelezen…", "lines are being checked and taken in…";
    IMPORT_BUSY = "Een import is bezig.", "An import is under way.";
    EXAMPLES_FAILED = "De voorbeeldcijfers konden niet worden geladen.", "The example figures could not be loaded.";
    NOTHING_TO_UNDO = "Niets om ongedaan te maken.", "Nothing to undo.";
    NOTHING_TO_REDO = "Niets om opnieuw te doen.", "Nothing to redo.";
    UNDONE = "Ongedaan gemaakt.", "Undone.";
    REDONE = "Opnieuw gedaan.", "Redone.";
    PUBLISHED_EXISTS = "voor dit onderwerp en jaar is al een gepubliceerd cijfer; kies een ander jaar", "a published figure exists for this subject and year; choose another year";
}

/// The months, for dates such as the vision's publication (`YYYY-MM`).
pub const MONTHS: [S; 12] = [
    ["januari", "January"],
    ["februari", "February"],
    ["maart", "March"],
    ["april", "April"],
    ["mei", "May"],
    ["juni", "June"],
    ["juli", "July"],
    ["augustus", "August"],
    ["september", "September"],
    ["oktober", "October"],
    ["november", "November"],
    ["december", "December"],
];

/// A date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as words: "januari 2026",
/// "January 2026" (a day is left out); anything else as it is.
pub fn month_year(lang: Lang, date: &str) -> String {
    let year = date.get(..4).unwrap_or(date);
    match date
        .get(5..7)
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
    {
        Some(m) => [t(lang, *m), " ", year].concat(),
        None => date.into(),
    }
}

// Published figures, their series, proxies, events and coverage (view/figures.rs).
words! {
    PUB_TITLE = "Gepubliceerde cijfers", "Published figures";
    PUB_COVERAGE_TITLE = "Wat de gepubliceerde cijfers dekken", "What the published figures cover";
    PUB_OF = "van de", "of";
    PUB_SUBJECTS_HAVE = "ambities en impactindicatoren hebben gepubliceerde cijfers", "ambitions and impact indicators have published figures";
    PUB_CURRENT_PROXIES = "actueel (een cijfer voor een van de laatste twee jaar)", "current (a figure for one of the last two years)";
    PUB_PROXIES_WORD = "met een benadering (een bredere reeks)", "through a proxy (a broader series)";
    PUB_FIGURES_WORD = "gepubliceerde cijfers in totaal", "published figures in all";
    PUB_PUBLISHERS = "Uitgevers", "Publishers";
    PUB_TABLE_CAPTION = "Laatste gepubliceerde cijfer per ambitie en indicator", "Latest published figure per ambition and indicator";
    PUB_SUBJECT = "Ambitie of indicator", "Ambition or indicator";
    PUB_LATEST_YEAR = "Laatste jaar", "Latest year";
    PUB_RELEASED = "Verschenen", "Released";
    PUB_PUBLISHER = "Uitgever", "Publisher";
    PUB_PROXY_COL = "Benadering?", "Proxy?";
    PUB_YES_PROXY = "ja, een bredere reeks", "yes, a broader series";
    PUB_NO_PROXY = "nee", "no";
    PUB_FRESHNESS = "Actualiteit", "Freshness";
    PUB_CURRENT = "actueel", "current";
    PUB_STALE = "verouderd (ouder dan twee jaar)", "out of date (older than two years)";
    PUB_NONE = "geen", "none";
    PUB_GAPS_TITLE = "Zonder cijfer van de laatste twee jaar", "No figure for the last two years";
    PUB_GAPS_LEDE = "Ambities en indicatoren zonder gepubliceerd cijfer van de laatste twee jaar, of zonder enig cijfer.", "Ambitions and indicators with no published figure for the last two years, or none at all.";
    PUB_LATEST_IS = "laatste cijfer voor", "latest figure for";
    PUB_NOT_FOUND = "geen openbare statistiek gevonden", "no public statistic found";
    PUB_NOT_SEARCHED = "nog niet gezocht", "not searched yet";
    PUB_SEARCHED = "Wat is gezocht", "What was searched";
    PUB_STEPS_COUNT = "gedateerde stappen, zie de pagina", "dated steps, see the page";
    PUB_SERIES = "Reeks", "Series";
    PUB_PROXY = "Benadering", "Proxy";
    PUB_PROXY_SAYS = "Deze cijfers meten niet precies wat de visie vraagt.", "These figures do not measure exactly what the vision asks.";
    PUB_AS_PUBLISHED = "Zoals gepubliceerd", "As published";
    PUB_DOCUMENT = "Publicatie", "Publication";
    PUB_TABLE = "Tabel", "Table";
    PUB_WHOSE = "Herkomst", "Origin";
    PUB_TAG = "gepubliceerd", "published";
    PUB_YOURS_TAG = "van jou (in deze browser)", "yours (in this browser)";
    PUB_NO_FIGURES_HERE = "Geen gepubliceerde cijfers voor deze ambitie of indicator.", "No published figures for this ambition or indicator.";
    PUB_UNIT = "Eenheid van de reeks", "Unit of the series";
    PUB_EVENTS_TITLE = "Stappen en mijlpalen", "Steps and milestones";
    PUB_EVENTS_CAPTION = "Gedateerde gebeurtenissen uit publicaties, oudste eerst", "Dated events from publications, oldest first";
    PUB_STEP = "stap", "step";
    PUB_REACHED = "bereikt", "reached";
    PUB_NONE_REACHED = "Geen van deze gebeurtenissen is de mijlpaal zelf: volgens de bronnen is de mijlpaal nog niet bereikt.", "None of these events is the milestone itself: according to the sources the milestone is not reached yet.";
    PUB_NO_OWN = "Nog geen eigen cijfers ingevoerd. De gepubliceerde cijfers staan hieronder en tellen al mee.", "No figures of your own entered yet. The published figures are below and already count.";
    PUB_ALL_TITLE = "Gepubliceerde cijfers (niet te bewerken)", "Published figures (not editable)";
    PUB_ALL_LEDE = "Cijfers uit openbare publicaties, met uitgever en verschijningsdatum. Ze staan vast; uw eigen cijfers hierboven komen erbovenop.", "Figures from public publications, with publisher and release date. They are fixed; your own figures above come on top of them.";
}

/// The method page: headings and paragraphs (paragraphs split on blank lines).
pub const METHOD_TEXT: &[(S, S)] = &[
    (
        ["Waar een status vandaan komt", "Where a status comes from"],
        [
            "Elke ambitie krijgt één status, berekend in uw browser door dezelfde Rust-code als de opdrachtregel (koers-core). Zonder waarnemingen is de status ‘Geen gegevens’: er wordt nooit een nul of een gok ingevuld, en ontbrekende statussen worden in de optelling geteld en getoond, niet als nul meegerekend.\n\nWelke methode de status geeft hangt af van de ambitie: niveaus en bedragen per jaar met een basiswaarde volgen de Open SDG-methode; cumulatieve doelen (een aantal extra sinds de basis) en doelen zonder of met een nul-basis volgen ‘afgelegde afstand tegen verstreken tijd’; een mijlpaal is gereed (waarde 1) of niet. Beide methoden worden altijd naast elkaar getoond.",
            "Every ambition gets one status, computed in your browser by the same Rust code as the command line (koers-core). Without observations the status is ‘Not available’: no zero or guess is ever filled in, and missing statuses are counted and shown in roll-ups, never scored as zero.\n\nWhich method gives the status depends on the ambition: levels and amounts a year with a baseline follow the Open SDG method; cumulative targets (a number extra since the baseline) and targets without or with a zero baseline follow ‘distance travelled against time elapsed’; a milestone is done (value 1) or not. Both methods are always shown side by side.",
        ],
    ),
    (
        ["Open SDG 2.4 / Statistics Canada", "Open SDG 2.4 / Statistics Canada"],
        [
            "De methode die het open-source SDG-rapportageplatform Open SDG sinds versie 2.4 gebruikt (sdg-build, ProgressMeasure), ontwikkeld door Statistics Canada. De waargenomen jaarlijkse groei (CAGR) sinds het basisjaar wordt gedeeld door de groei die nodig is om het doel op tijd te halen: R = CAGR waargenomen / |CAGR nodig|. R ≥ 0,95 is ‘Op koers’, 0,60–0,95 ‘Matige voortgang’, 0–0,60 ‘Beperkte voortgang’, onder 0 ‘Achteruitgang’. Is het doel al bereikt, dan ‘Doel bereikt’. De score (−5 tot 5) volgt Open SDG’s formules; koers geeft voor dezelfde invoer dezelfde status en score.\n\nZonder streefwaarde (impactindicatoren) gebruikt Open SDG de groei zelf: ≥ 1,5 % per jaar substantieel, ≥ 0,5 % matig, ≥ 0 beperkt.",
            "The method the open-source SDG reporting platform Open SDG has used since version 2.4 (sdg-build, ProgressMeasure), developed by Statistics Canada. The observed compound annual growth (CAGR) since the base year is divided by the growth needed to reach the target on time: R = observed CAGR / |required CAGR|. R ≥ 0.95 is ‘Substantial progress’, 0.60–0.95 ‘Moderate progress’, 0–0.60 ‘Limited progress’, below 0 ‘Deterioration’. A target already reached is ‘Target achieved’. The score (−5 to 5) follows Open SDG’s formulas; koers gives the same status and score for the same inputs.\n\nWithout a target (impact indicators) Open SDG uses the growth itself: ≥ 1.5 % a year substantial, ≥ 0.5 % moderate, ≥ 0 limited.",
        ],
    ),
    (
        ["Afgelegde afstand tegen verstreken tijd", "Distance travelled against time elapsed"],
        [
            "Groeivoeten bestaan niet vanaf nul, en veel ambities tellen iets extra’s vanaf nul. Dan vergelijkt koers het deel van de afstand dat is afgelegd, D = (nu − basis) / (doel − basis), met het deel van de tijd dat is verstreken, E = (jaar nu − basisjaar) / (doeljaar − basisjaar). Het tempo D / E krijgt dezelfde drempels (0,95; 0,60; 0). Voor cumulatieve stromen is ‘nu’ het lopende totaal sinds de basis. Geeft de visie geen basis, dan neemt koers nul aan in het jaar voor het eerste cijfer, en zegt dat erbij.",
            "Growth rates do not exist from zero, and many ambitions count something extra from zero. Then koers compares the share of the distance travelled, D = (now − baseline) / (target − baseline), with the share of the time elapsed, E = (year now − base year) / (target year − base year). The pace D / E gets the same thresholds (0.95, 0.60, 0). For cumulative flows ‘now’ is the running total since the baseline. Where the vision gives no baseline, koers assumes zero in the year before the first figure, and says so.",
        ],
    ),
    (
        ["Projectie en UNSD-verhouding", "Projection and UNSD ratio"],
        [
            "De trend is een rechte lijn door de waarnemingen (kleinste kwadraten), doorgetrokken tot het doeljaar; het jaar waarin die lijn het doel haalt staat erbij (of ‘niet voor 2100’, ‘nooit’). Het benodigde tempo is (doel − nu) / (doeljaar − jaar nu). Ter vergelijking de verhouding van de VN-Statistiekdivisie (UNSD): (trendwaarde in het doeljaar − basis) / (doel − basis); ≥ 0,95 op koers, ≥ 0,10 redelijke voortgang.",
            "The trend is a straight line through the observations (least squares), extended to the target year; the year in which that line reaches the target is given (or ‘not before 2100’, ‘never’). The required pace is (target − now) / (target year − year now). For comparison the UN Statistics Division (UNSD) ratio: (trend value in the target year − baseline) / (target − baseline); ≥ 0.95 on track, ≥ 0.10 fair progress.",
        ],
    ),
    (
        ["Optellen: prioriteit en visie", "Roll-up: priority and vision"],
        [
            "Per prioriteit en voor de hele visie: het aantal ambities per status en de gemiddelde score van de ambities met een status (Open SDG’s regel voor het gemiddelde). De zwakste schakel is het gemiddelde van de twee laagste scores, zoals het Sustainable Development Report (SDSN) zijn doelen kleurt.",
            "Per priority and for the whole vision: the number of ambitions per status and the mean score of the ambitions that have one (Open SDG’s aggregate rule). The weakest link is the mean of the two lowest scores, as the Sustainable Development Report (SDSN) colours its goals.",
        ],
    ),
    (
        ["Hefboom en mobilisatie", "Leverage and mobilisation"],
        [
            "Multiplier = totale investering / publiek geld, het EFSI/InvestEU-cijfer van de EU: € 1 publiek dat samen € 4 investering oplevert is 4×. Privaat gemobiliseerd = totaal − alle publieke middelen, zoals de OECD ‘amounts mobilised from the private sector’ telt: publieke cofinanciering telt nooit als privaat. Geneste vensters (een instrument binnen een groter venster) worden één keer geteld, en koers controleert of de onderdelen optellen tot het geheel.\n\nRevolverend kapitaal heeft geen officiële formule; koers rekent het open door met parameters die u zelf instelt.",
            "Multiplier = total investment / public money, the EU’s EFSI/InvestEU figure: €1 of public money that brings €4 of investment in all is 4×. Private mobilised = total − all public money, as the OECD counts ‘amounts mobilised from the private sector’: public co-funding never counts as private. Nested windows (an instrument inside a larger window) are counted once, and koers checks whether the parts add up to the whole.\n\nRevolving capital has no official formula; koers computes it openly with parameters you set yourself.",
        ],
    ),
    (
        ["Gegevens", "Data"],
        [
            "De visie ({published}) en de gepubliceerde cijfers staan als twee bestanden op deze site (data/vision.json en data/figures.json) en worden bij het openen gelezen: elk getal van de visie met hoofdstuk, paragraaf en citaat, elk gepubliceerd cijfer met zijn publicatie, releasedatum en citaat. Wie de site beheert vervangt die bestanden (koers publish controleert ze) zonder iets opnieuw te bouwen. Wat u zelf invoert blijft in deze browser, als laag bovenop de gepubliceerde cijfers. Voorbeeldcijfers zijn verzonnen, staan in een apart bestand, worden alleen geladen als u erom vraagt en zijn overal als illustratief gemarkeerd.",
            "The vision ({published}) and the published figures are two files on this site (data/vision.json and data/figures.json), read when the page opens: every number of the vision with chapter, section and quote, every published figure with its publication, release date and quote. Whoever runs the site replaces those files (koers publish checks them) without rebuilding anything. What you enter yourself stays in this browser, as a layer on top of the published figures. Example figures are invented, live in a separate file, are loaded only when you ask, and are marked illustrative wherever shown.",
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_whose_case_the_view_changes_are_ascii() {
        // The view changes their case with the ASCII functions, which keep
        // Unicode's case tables out of the wasm; a word with another letter
        // would be cased wrong, so none may have one.
        for w in [PUB_NOT_FOUND, IM_SERIES] {
            for s in w {
                assert!(s.is_ascii(), "{s}");
            }
        }
    }

    #[test]
    fn the_published_month_is_worded() {
        let ds = crate::data::test_base(None);
        assert_eq!(
            month_year(Lang::En, ds.vision.published.raw()),
            "January 2026"
        );
        assert_eq!(month_year(Lang::Nl, "2031-05"), "mei 2031");
        assert_eq!(month_year(Lang::Nl, "2031"), "2031");
    }
}
