"""Closed word classes the attribution parser needs (lowercase, straight apostrophes).

factkit has no part-of-speech tagger, so noun phrases around speech verbs are
delimited with these small closed classes plus capitalisation and the
analysis' entity mentions.
"""

from __future__ import annotations

DETERMINERS = frozenset("""the a an this these those its his her their our my your one two three four
five six several some many most both all other another each every any few various numerous""".split())

POSSESSIVES = frozenset("his her its their our".split())
PRONOUNS = frozenset("he she they it we i who".split())
PERSON_PRONOUNS = frozenset("he she".split())

BE = frozenset("is are was were be been being am 's".split())
AUX = frozenset("""has have had having will would can could should must may might shall do does did
also previously again later then further repeatedly earlier recently separately reportedly
publicly privately quickly immediately already still once twice only just now often frequently
subsequently initially originally formally officially explicitly specifically firmly strongly
flatly bluntly sharply openly clearly directly jointly reportedly allegedly apparently
had've 've 'd 'll n't not never""".split())

# Words that end a subject noun phrase when walking left from the verb.
CLAUSE_WORDS = frozenset("""that which who whom whose where when while whereas although though
because since if unless whether as but or nor so yet than then to and however meanwhile moreover
furthermore nevertheless nonetheless thus therefore instead indeed also asked after before despite
amid following during until upon without with by what whatever how why""".split())

PREPOSITIONS = frozenset("""of for in on at from with by about over under into onto to during after before
between among against toward towards within without through across near via per""".split())
NP_PREPOSITIONS = frozenset("of for in at from on".split())

TIME_WORDS = frozenset("""today yesterday tomorrow tonight now earlier later recently last next this
morning afternoon evening night week weekend month year monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec late early here there again""".split())

FINITE_MARKERS = frozenset("""will would can could should must may might shall is are was were has have
had does did do not n't won't can't 're 've 'll isn't aren't wasn't weren't hasn't haven't hadn't
doesn't didn't""".split())

SUBJECT_PRONOUNS = frozenset("he she it they we i you there".split())

# Nouns that head a speaker phrase ("aides said", "a senior trader said").
SPEAKER_NOUNS = frozenset("""official officials spokesman spokeswoman spokesperson spokespeople spokesmen
source sources banker bankers analyst analysts economist economists diplomat diplomats delegate delegates
delegation delegations minister ministers ministry ministries government governments administration
police witness witnesses leader leaders expert experts trader traders dealer dealers resident residents
lawmaker lawmakers legislator legislators senator senators congressman congresswoman representative
representatives negotiator negotiators envoy envoys ambassador ambassadors embassy office department
agency agencies committee commission council court judge judges prosecutor prosecutors lawyer lawyers
attorney attorneys statement communique report reports newspaper paper daily radio television tv media
broadcaster group company firm bank union party parties army military forces rebels militants
insurgents protesters activists critics opponents foes supporters observers authorities investigators
researchers scientists doctors medics officer officers commander commanders chief head director
chairman chairwoman chair president premier chancellor secretary governor mayor king queen prince
pope general colonel adviser advisor advisers advisors aide aides staff executive executives manager
managers partners investors owner producers consumers members member people farmers workers students
voters citizens document letter declaration resolution journal website outlet press palace cabinet
kremlin pentagon parliament congress senate house regulator regulators organization organisation
organizations organisations institute association federation coalition alliance movement campaign
campaigners operator spokespersons chiefs heads presidents ministers officials' sources' family relatives
mother father wife husband son daughter brother sister friend friends colleague colleagues person persons
individual individuals insider insiders""".split())

# Nouns for documents: the body that issued one is the speaker ("the agency's statement said").
DOCUMENT_NOUNS = frozenset("""statement statements communique communiqué letter declaration release note
notice document documents report transcript readout post tweet message memo resolution announcement
filing""".split())

# "according to X" where X is one of these is an attribution to data, not a statement.
DATA_NOUNS = frozenset("""poll polls figures figure data estimate estimates survey surveys statistics
study studies research census results result records record tally count counts calculations
numbers projections forecasts index indices models model analysis plan plans law laws rules rule
schedule timetable agreement agreements treaty constitution tradition custom legend regulations guidelines
calendar map maps terms deal budget bill draft proposal reports""".split())

# Single tokens that are never an addressee ("told" + date, "warned" + adverb).
NOT_ADDRESSEE = frozenset("that to on in at during after before about of against for with".split())

# Heads that are typical addressees after "told" without a following "that".
ADDRESSEE_NOUNS = frozenset("""reporters journalists lawmakers legislators parliament congress
conference delegates audience crowd supporters students viewers listeners investors members
committee panel council senators deputies reuters newsmen correspondents media briefing rally crowd
summit meeting gathering forum assembly session hearing convention congregation""".split())


# Inflected forms that are more often plural nouns ("member states", "media reports").
NOUNLIKE_FORMS = frozenset("""states reports claims notes charges comments demands requests pledges promises
vows posts counters remarks tweets calls reads appeals threats warnings""".split())

# Heads naming a body rather than a person: "it" may stand for them, "he"/"she" may not.
BODY_NOUNS = frozenset("""ministry ministries government administration police embassy office department
agency committee commission council court statement communique report newspaper paper daily radio
television tv
media broadcaster group company firm bank union party army military palace cabinet kremlin pentagon
parliament congress senate house regulator organization organisation institute association federation
coalition alliance movement campaign website outlet press journal document letter declaration resolution
authority board bureau service network station channel agency""".split())

# Documents a speaker issues about itself: a bare "the statement said" continues the last speaker.
ISSUED_NOUNS = frozenset("statement statements communique communiqué readout release announcement".split())

# Polls and surveys report what others think: never a statement, whoever ran them.
POLL_NOUNS = frozenset("poll polls survey surveys census opinion".split())
