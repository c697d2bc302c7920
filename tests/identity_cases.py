"""Identity battery (issue 17): who said it, as a careful reader of the article would say.

Every article here is invented (names, places, outlets, events), written from ordinary
English news patterns across beats: politics, courts, business, sport, health, local news.
`tests/test_identity.py` runs each one through the real pipeline and checks the speaker of
the quote that contains `fragment`.

A case expects, for the first quote record whose text contains `fragment`:
  speaker  the canonical name (None: the quote is kept but nobody in the text says it);
           for an anonymous source, the description as the article gives it (compared
           without regard to case, so "A senior official" at a sentence start matches)
  type     speaker_type, when given
  record   False: no record may contain `fragment` at all (the stretch is not speech)
  never    names that no record of the article may be attributed to (headline words,
           places, days, page furniture, photo and reporting credits)
  fails    what goes wrong today, when the case fails: its test is a strict xfail
           until issue 17 fixes it (then delete the note)
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    fragment: str
    speaker: str | None
    type: str | None = None
    record: bool = True
    never: tuple[str, ...] = ()
    fails: str = ""


def art(*paragraphs: str) -> str:
    """An article: the headline, then one paragraph each, blank lines between."""
    return "\n\n".join(paragraphs) + "\n"


# --- Pronouns ------------------------------------------------------------------------------
# A pronoun resolves to the nearest compatible person or organisation named outside quotation
# marks: gender agrees where the article tells it (honorific, gendered role, first name,
# "his sister"), "it"/"they" go to an organisation or group and never to one man, and
# capitalised non-people in between (places, hospitals used as places, holidays, captions,
# credits, teaser lines) are no candidates at all.

DEBATE = art(
    "Candidates Clash in First Debate",
    "Governor candidates Margaret Oyelaran and Steven Whitlock clashed over school funding on "
    "Tuesday night in Brennock.",
    "Whitlock accused his rival of ignoring rural districts. “She has never set foot in our "
    "schools,” he said.",
    "“I have visited every county in this state,” she replied.",
)

PRONOUNS = [
    # -- the plain case: one person, then "he"/"she"
    Case("he-after-intro",
         art("Senate Panel Rejects Transit Bill",
             "OTTAWA — Senator Marcel Thibodeau voted against the transit bill on Wednesday, saying "
             "the costs had been hidden from taxpayers.",
             "“Nobody has seen the real numbers,” he said."),
         "Nobody has seen the real numbers", "Marcel Thibodeau", "person"),
    Case("defendant-he-after-surname",
         art("Former Treasurer Sentenced",
             "Former county treasurer Dale Whitaker was sentenced to six years in prison on Thursday "
             "by Judge Miriam Castell for embezzling $2 million.",
             "Whitaker apologised to the court. “I betrayed people who trusted me,” he said."),
         "I betrayed people who trusted me", "Dale Whitaker", "person"),
    Case("she-after-ms-surname",
         art("Artist Wins Portrait Prize",
             "Painter Celeste Amari won the Hartwell Portrait Prize on Friday for a portrait of her "
             "grandmother.",
             "Ms. Amari, 31, studied in Lisbon. “My grandmother sat for me for six months,” she said."),
         "sat for me for six months", "Celeste Amari", "person"),

    # -- gender: skip the nearer person of the other gender
    Case("she-skips-prosecutor",
         art("Judge Orders Retrial in Fraud Case",
             "LONDON — A High Court judge, Dame Eleanor Whitcombe, ordered a retrial on Friday after "
             "finding that the prosecutor, Gareth Pryce, had withheld evidence.",
             "“The jury was denied the full picture,” she wrote in her ruling."),
         "denied the full picture", "Eleanor Whitcombe", "person"),
    Case("he-skips-councilwoman",
         art("Mayor Unveils Housing Plan",
             "Mayor Thomas Okafor unveiled a housing plan on Monday alongside council member Priya "
             "Raman, who chairs the housing committee.",
             "“We are going to build where people actually want to live,” he said."),
         "build where people actually want to live", "Thomas Okafor", "person"),
    Case("she-skips-landlord",
         art("Bakery Owner Fights Eviction",
             "Mrs. Yolanda Pike has run the Corner Crust bakery on Main Street for 22 years. Her "
             "landlord, Derek Stroud, wants the building for condos.",
             "“I built this place with my hands,” she said."),
         "built this place with my hands", "Yolanda Pike", "person",
         fails="she -> a man (Derek Stroud)"),
    Case("she-spokeswoman-skips-suspect",
         art("Police Arrest Suspect in Jewelry Heist",
             "Police spokeswoman Carla Benedetti said officers arrested a 34-year-old man, Viktor "
             "Lasko, at a motel near Route 9.",
             "“He did not resist,” she said."),
         "He did not resist", "Carla Benedetti", "person"),
    Case("he-skips-regulator",
         art("Hospital Merger Approved",
             "The merger was announced by Bernard Achebe, chief executive of St. Clement Health. "
             "Regulators led by commissioner Joanna Reyes approved it on Friday after a year-long "
             "review.",
             "“This gives patients in the valley a real network,” he said."),
         "patients in the valley a real network", "Bernard Achebe", "person",
         fails="he -> a woman (Joanna Reyes)"),
    Case("she-skips-cofounder",
         art("Startup Raises $40 Million",
             "Anika Varga founded Tessellate, a battery recycling company, in 2019 with her former "
             "classmate Ruben Ortega, who now runs engineering.",
             "“Nobody wanted to fund batteries back then,” she said."),
         "Nobody wanted to fund batteries", "Anika Varga", "person"),
    Case("she-skips-budget-author",
         art("Library Faces Closure",
             "Librarian Odette Marchand has worked at the Brookfield branch for 19 years.",
             "The council’s budget, drawn up by finance chief Howard Tanner, cuts library funding by "
             "40 percent. Three branches would close by the summer.",
             "A petition to save the branch has 4,000 signatures.",
             "“People come here to use the computers, to stay warm, to find a job,” she said."),
         "to stay warm, to find a job", "Odette Marchand", "person"),
    Case("debate-he", DEBATE, "never set foot in our schools", "Steven Whitlock", "person"),
    Case("debate-she-replied", DEBATE, "visited every county in this state", "Margaret Oyelaran",
         "person"),
    Case("he-skips-lieutenant",
         art("Governor Tours Flooded Towns",
             "Gov. Raymond Castellano toured flooded towns along the Wren River on Saturday with "
             "Lt. Gov. Susan Farrier.",
             "“Every family here will get help, and fast,” he said."),
         "Every family here will get help", "Raymond Castellano", "person"),
    Case("she-skips-husband",
         art("Couple Reopens Diner After Fire",
             "Marta Kowalski and her husband, Piotr, reopened the Blue Kettle diner on Route 12 "
             "eight months after a kitchen fire.",
             "“The regulars kept calling to ask when,” she said."),
         "regulars kept calling", "Marta Kowalski", "person",
         fails="she -> a diner (Blue Kettle)"),
    Case("he-skips-mother",
         art("Teen Chess Prodigy Wins Title",
             "Arjun Mehta, 14, won the national chess championship on Sunday. His mother, Leela "
             "Mehta, drove him to every tournament.",
             "“I only started believing I could win in the last round,” he said."),
         "only started believing I could win", "Arjun Mehta", "person"),

    # -- places between the person and the pronoun
    Case("she-after-place-cedar-point",
         art("Storm Damage Closes Marina",
             "Harbourmaster Linda Kowalczyk spent Tuesday inspecting the damaged docks. Boats at "
             "Cedar Point were torn from their moorings overnight.",
             "“It will take weeks to clear the channel,” she said."),
         "take weeks to clear the channel", "Linda Kowalczyk", "person"),
    Case("he-after-place-north-shore",
         art("Wildfire Forces Evacuations",
             "Fire Chief Daniel Ruiz ordered residents out of three neighbourhoods on Sunday as the "
             "blaze moved toward the North Shore.",
             "“The wind is the enemy right now,” he said at a briefing."),
         "The wind is the enemy", "Daniel Ruiz", "person"),
    Case("he-after-place-fort",
         art("Brewery Expands Despite Slump",
             "Owner Jake Halvorsen opened his third taproom on Saturday. The new site sits just "
             "outside Fort Milburn.",
             "“Craft beer is not dead, it is just growing up,” he said."),
         "Craft beer is not dead", "Jake Halvorsen", "person"),
    Case("he-after-place-saint-square",
         art("Market Traders Count Losses After Flood",
             "Fishmonger Colm Duggan lost his entire stock when water swept through St. Benedict "
             "Square on Monday.",
             "“Twenty years of work, gone in a night,” he said."),
         "Twenty years of work", "Colm Duggan", "person"),
    Case("she-after-county",
         art("Schools Reopen After Outbreak",
             "Superintendent Naomi Feldman announced that schools would reopen on Monday. Across "
             "Kinross County, attendance had fallen by half during the outbreak.",
             "“We are confident the buildings are safe,” she said."),
         "confident the buildings are safe", "Naomi Feldman", "person"),
    Case("she-after-city-distance",
         art("Farmers Face Drought Losses",
             "Wheat grower Ingrid Solberg has farmed outside Marrowfield for 30 years.",
             "This season, rain fell on only four days between May and August near Lake Tolley. "
             "Yields across the province are expected to fall by a third.",
             "The provincial crop report, released Thursday, said soil moisture was the lowest on "
             "record.",
             "“I have never seen the ground this hard,” she said."),
         "never seen the ground this hard", "Ingrid Solberg", "person"),
    Case("he-after-mount",
         art("Climbers Rescued After Two Nights",
             "Guide Stefan Aebischer led the rescue team that reached the stranded climbers on Mount "
             "Kessel before dawn.",
             "“They had dug a snow cave, which saved their lives,” he said."),
         "dug a snow cave", "Stefan Aebischer", "person"),
    Case("she-after-two-places",
         art("Rail Line Reopens After Landslide",
             "Rail operator chief Hannah Brightwell rode the first train from Glen Harrow to Port "
             "Annick on Thursday.",
             "“Passengers have been incredibly patient,” she said."),
         "incredibly patient", "Hannah Brightwell", "person"),

    # -- institutions used as places
    Case("she-after-hospital-as-place",
         art("Hospital Staff Treat Crash Victims",
             "Dr. Amara Nwosu was on duty when the first ambulances arrived. Eleven people were taken "
             "to Memorial General with injuries from the pileup.",
             "“We had every operating room open within the hour,” she said."),
         "every operating room open", "Amara Nwosu", "person"),
    Case("he-after-hospital-saint",
         art("Cyclist Recovering After Crash",
             "Team manager Luca Bertolini said his rider was stable after being taken to St. Agnes "
             "with a broken collarbone.",
             "“The helmet saved him, no question,” he said."),
         "The helmet saved him", "Luca Bertolini", "person"),
    Case("she-after-stadium",
         art("Sprinter Breaks National Record",
             "Keisha Daniels ran 10.91 seconds at Harlow Park on Saturday to break a record that had "
             "stood since 1998.",
             "“I felt it from the first step,” she said."),
         "felt it from the first step", "Keisha Daniels", "person",
         fails="she -> a venue (Harlow Park)"),
    Case("she-after-institute",
         art("Researcher Warns on Antibiotic Overuse",
             "Epidemiologist Fatima Qureshi presented the findings at the Kessler Institute on "
             "Monday.",
             "“We are running out of drugs that work,” she said."),
         "running out of drugs that work", "Fatima Qureshi", "person"),
    Case("he-after-college-as-place",
         art("Coach Returns to Alma Mater",
             "Marcus Delaney, who played point guard at Saint Brendan’s, was named head coach there on "
             "Monday.",
             "“This gym is where I grew up,” he said."),
         "This gym is where I grew up", "Marcus Delaney", "person",
         fails="he -> a college used as a place (Saint Brendan)"),

    # -- days and holidays between
    Case("she-after-new-years-day",
         art("Lawmaker Pushes for Ceasefire Vote",
             "Representative Helen Mbeki pressed colleagues for a vote before the recess. Debate is "
             "expected to resume after New Year’s Day.",
             "“Every week we wait costs lives,” she said."),
         "Every week we wait costs lives", "Helen Mbeki", "person"),
    Case("he-after-thanksgiving",
         art("Food Bank Braces for Holiday Rush",
             "Marcus Bellweather, who runs the Eastside Food Pantry, said demand had doubled since last "
             "year. The pantry will stay open on Thanksgiving Day.",
             "“We are seeing families who used to donate,” he said."),
         "families who used to donate", "Marcus Bellweather", "person",
         fails="he -> a holiday (Thanksgiving Day)"),
    Case("he-after-good-friday",
         art("Ferry Service Restored",
             "Port manager Alan Fairweather confirmed the ferry would resume sailings before Good "
             "Friday.",
             "“Islanders have waited long enough,” he said."),
         "Islanders have waited long enough", "Alan Fairweather", "person"),
    Case("she-after-labor-day",
         art("Pool Closures Anger Parents",
             "Parks director Denise Holloway announced that all four city pools would close after "
             "Labor Day for repairs.",
             "“The pipes are older than I am,” she said."),
         "pipes are older than I am", "Denise Holloway", "person"),
    Case("he-after-christmas-eve",
         art("Toy Drive Falls Short",
             "Volunteer coordinator Miguel Santos said donations were down by half this year. Gifts "
             "must be wrapped by Christmas Eve.",
             "“We still have 300 kids on the list,” he said."),
         "300 kids on the list", "Miguel Santos", "person"),
    Case("she-after-world-health-day",
         art("Clinic Offers Free Screenings",
             "Nurse practitioner Bethany Cole organised the free blood pressure checks to mark World "
             "Health Day.",
             "“Half the people we saw had no idea their numbers were high,” she said."),
         "no idea their numbers were high", "Bethany Cole", "person"),

    # -- page furniture between
    Case("she-after-story-continues",
         art("Council Approves Bike Lanes",
             "Councillor Rosa Delgado championed the plan through two years of hearings.",
             "Story continues below",
             "“This is about keeping kids alive on the way to school,” she said."),
         "keeping kids alive", "Rosa Delgado", "person"),
    Case("he-after-staff-photo",
         art("Coach Retires After 30 Seasons",
             "Walt Hennessey coached the Riverside Hawks to four state titles.",
             "STAFF PHOTO",
             "“I never wanted to do anything else,” he said Thursday."),
         "never wanted to do anything else", "Walt Hennessey", "person",
         fails="he -> a team (Riverside Hawks); the STAFF PHOTO line itself is blanked at ingest"),
    Case("she-after-advertisement",
         art("Teachers Vote to Strike",
             "Union president Gloria Mendez announced the result on Wednesday night.",
             "Advertisement",
             "“Our members have been patient for three years,” she said."),
         "patient for three years", "Gloria Mendez", "person"),
    Case("he-after-photo-credit",
         art("Firefighters Save Historic Chapel",
             "Battalion chief Owen Gallagher led the crews that kept the flames from the chapel roof.",
             "Firefighters spray water on the chapel on Sunday. (Valley Press Photo/Chris Morgan)",
             "“Another ten minutes and we would have lost it,” he said."),
         "Another ten minutes", "Owen Gallagher", "person"),
    Case("she-after-related-teaser",
         art("Energy Prices to Rise in Spring",
             "Regulator chief Harriet Osei said household bills would rise by 8 percent in April.",
             "RELATED: Council Tax Bills Set to Climb",
             "“Families need to prepare now,” she said."),
         "Families need to prepare now", "Harriet Osei", "person"),

    # -- "it" and "they": an organisation or group, not one man
    Case("it-company",
         art("Airline Cancels Flights Amid Strike",
             "Northwind Airways cancelled 200 flights on Monday as cabin crew walked out over pay. "
             "Union negotiator Frank Dolan said talks had broken down.",
             "It said in a statement that “safety will not be compromised” and that refunds would be "
             "offered."),
         "safety will not be compromised", "Northwind Airways", "organisation",
         fails="it left unresolved (anonymous 'It')"),
    Case("it-council",
         art("Council Delays Vote on Stadium",
             "The Greywater City Council postponed a vote on the stadium deal on Tuesday. Developer "
             "Ian Maclaren had pushed for approval this month.",
             "It said it needed more time to review the traffic study."),
         "needed more time to review the traffic study", "Greywater City Council", "organisation",
         fails="it left unresolved (anonymous 'It')"),
    Case("they-union-not-mayor",
         art("Union Rejects Pay Offer",
             "The Transit Workers Union rejected the city’s latest offer on Friday. Mayor Paul Everett "
             "called the decision disappointing.",
             "They said in a statement: “The offer does not keep pace with rent.”"),
         "does not keep pace with rent", "Transit Workers Union", "organisation"),
    Case("they-company-not-supplier",
         art("Pharmacy Chain Pulls Cough Syrup",
             "Medisure Pharmacies pulled a children’s cough syrup from its shelves after a supplier, "
             "Karl Brenner, warned of contamination.",
             "“We are acting out of an abundance of caution,” they said in a statement."),
         "abundance of caution", "Medisure Pharmacies", "organisation",
         fails="they left unresolved (anonymous 'they')"),
    Case("they-company-not-founder",
         art("Tech Firm Faces Privacy Probe",
             "Regulators are investigating Loomwise, the photo-sharing app, over how it stores "
             "children’s data. Its founder, Aaron Feld, declined to comment.",
             "The company insists it follows the law. “We have never sold user data,” they said in a "
             "statement."),
         "never sold user data", "Loomwise", "organisation",
         fails="they -> 'Company', not the company the article names"),
    Case("they-bureau-not-economist",
         art("Agency Revises Jobless Figures",
             "The Bureau of Labour Statistics revised its jobless figures upward on Friday. Economist "
             "Raj Malhotra called the revision significant.",
             "They said the change reflected late reporting from small businesses."),
         "late reporting from small businesses", "Bureau of Labour Statistics", "organisation",
         fails="they left unresolved (anonymous 'They')"),

    # -- pronouns past organisations, teams and outlets to the person
    Case("he-past-teams",
         art("Striker Seals Late Win",
             "Tomas Ferreira scored in the 89th minute to give Vale Rovers a 2-1 win over Eastfield "
             "Athletic on Saturday.",
             "“I just closed my eyes and hit it,” he said."),
         "closed my eyes and hit it", "Tomas Ferreira", "person",
         fails="he -> a team (Eastfield Athletic)"),
    Case("he-past-newspaper",
         art("Senator Disputes Report",
             "Senator Arthur Pennington disputed a report in the Brookvale Ledger that he had "
             "accepted gifts from a lobbyist.",
             "“It is false, every word of it,” he said."),
         "every word of it", "Arthur Pennington", "person"),
    Case("she-past-named-player-in-quote",
         art("Coach Backs Embattled Quarterback",
             "Head coach Rebecca Lindqvist defended her starting quarterback on Monday.",
             "“Jordan Mills is our guy, and he is going to be our guy,” she said. “Nobody in that "
             "locker room doubts him.”",
             "She added that the offensive line had to protect him better."),
         "offensive line had to protect him better", "Rebecca Lindqvist", "person"),
]


# --- Role descriptions -----------------------------------------------------------------------
# "the Vermont Democrat", "the 47-year-old", "the professor": the person the article names
# with that role, age, party, nationality or trade; a description nobody in the article fits
# stays an anonymous description.

SENATOR_GOVERNOR = art(
    "Senator, Governor Spar Over Pipeline",
    "Sen. Roberta Vance and Gov. Curtis Hale traded barbs over the Elk Ridge pipeline on Wednesday.",
    "“The governor is selling out our farmers,” the senator said.",
    "“She has never met a pipeline she liked,” the governor shot back.",
)

ROLES = [
    # -- party and state labels
    Case("state-democrat",
         art("Senator Blocks Defense Bill",
             "Sen. Ellen Marsh, D-Vt., placed a hold on the defense bill on Tuesday, citing cuts to "
             "veterans’ health care.",
             "“We do not balance budgets on the backs of veterans,” the Vermont Democrat said."),
         "backs of veterans", "Ellen Marsh", "person"),
    Case("first-term-congresswoman",
         art("Congresswoman Questions Border Spending",
             "Rep. Lydia Strand, R-Ariz., pressed officials on Wednesday over unspent border funds.",
             "“Where did the money go?” the first-term congresswoman asked."),
         "Where did the money go", "Lydia Strand", "person"),
    Case("liberal-leader",
         art("Liberals Pledge Childcare Funding",
             "Liberal leader Martin Osgood promised $10-a-day childcare on Sunday.",
             "“Parents should not have to choose between work and family,” the Liberal leader said."),
         "choose between work and family", "Martin Osgood", "person"),
    Case("opposition-leader-not-president",
         art("Opposition Rejects Budget",
             "Opposition leader Nkosana Dube rejected President Themba Mokoena’s budget on Tuesday.",
             "“This budget forgets the unemployed,” the opposition leader said."),
         "forgets the unemployed", "Nkosana Dube", "person"),

    # -- office titles: the holder the article names
    Case("the-mayor",
         art("Mayor Vetoes Parking Fee Hike",
             "Mayor Rosalind Achterberg vetoed the parking increase passed by the council last week.",
             "“Downtown businesses are hanging by a thread,” the mayor said."),
         "hanging by a thread", "Rosalind Achterberg", "person"),
    Case("the-judge",
         art("Judge Blocks Mine Permit",
             "U.S. District Judge Harold Finch blocked the permit on Friday, ruling that regulators "
             "had ignored the impact on salmon runs.",
             "“The agency did not take the hard look the law requires,” the judge wrote."),
         "hard look the law requires", "Harold Finch", "person"),
    Case("the-governor-not-lieutenant",
         art("Governor Signs Water Bill",
             "Gov. Leonard Amsel signed the water bill on Monday with Lt. Gov. Patricia Dunne at his "
             "side.",
             "“This is the most important water law in fifty years,” the governor said."),
         "most important water law", "Leonard Amsel", "person"),
    Case("senator-of-two", SENATOR_GOVERNOR, "selling out our farmers", "Roberta Vance", "person"),
    Case("governor-of-two", SENATOR_GOVERNOR, "never met a pipeline", "Curtis Hale", "person",
         fails="'the governor shot back' merged into the senator's quote"),
    Case("the-chancellor",
         art("University Freezes Tuition",
             "Chancellor Imani Boateng announced a tuition freeze for in-state students on Thursday.",
             "“No student should be priced out,” the chancellor said."),
         "No student should be priced out", "Imani Boateng", "person"),
    Case("the-police-chief",
         art("Police Chief Defends Response",
             "Police Chief Raymond Okoro defended his officers’ handling of Saturday’s protest.",
             "“My officers showed restraint,” the police chief said."),
         "My officers showed restraint", "Raymond Okoro", "person"),
    Case("the-chief-short",
         art("Fire Chief Warns About Space Heaters",
             "Fire Chief Beatrix Lowe said three of this winter’s fatal fires started with space "
             "heaters.",
             "“Plug them into the wall, never into an extension cord,” the chief said."),
         "never into an extension cord", "Beatrix Lowe", "person"),
    Case("the-spokeswoman",
         art("Utility Warns of Outages",
             "Northgrid spokeswoman Tamsin Rhodes said crews were working through the night.",
             "“We ask customers to stay away from downed lines,” the spokeswoman said."),
         "stay away from downed lines", "Tamsin Rhodes", "person"),
    Case("the-chief-executive",
         art("Retailer Closes 40 Stores",
             "Brightmart will close 40 stores by March, chief executive Sandra Kellerman said on "
             "Tuesday.",
             "“The shift to online shopping is permanent,” the chief executive said."),
         "shift to online shopping is permanent", "Sandra Kellerman", "person"),
    Case("former-prime-minister",
         art("Former Leader Launches Memoir",
             "Former Prime Minister Agnes Tolland launched her memoir in Wellport on Saturday.",
             "“I made mistakes, and I write about all of them,” the former prime minister said."),
         "I write about all of them", "Agnes Tolland", "person"),
    Case("possessive-country-minister",
         art("Border Tensions Rise",
             "VELORIA — Defence Minister Rustam Karimov accused the neighbouring government of "
             "sheltering insurgents on Monday.",
             "“We will not wait for the next attack,” Veloria’s defence minister said in a televised "
             "address."),
         "not wait for the next attack", "Rustam Karimov", "person",
         fails="role not linked to its holder (person 'Veloria’s defence minister')"),
    Case("the-new-minister",
         art("Premier Reshuffles Cabinet",
             "Premier Colette Bissonnette named Hamid Rezaei as finance minister on Friday, replacing "
             "the retiring Frank Ouellet.",
             "“The books will be balanced by 2027,” the new minister said."),
         "books will be balanced", "Hamid Rezaei", "person",
         fails="role not linked to its holder (person 'New minister')"),
    Case("district-attorney-prosecutor",
         art("Prosecutors Drop Charges Against Activist",
             "District Attorney Mona Fairbanks dropped all charges against climate activist Leo "
             "Brandt on Monday.",
             "“The evidence did not support a conviction,” the prosecutor said."),
         "did not support a conviction", "Mona Fairbanks", "person",
         fails="role not linked to its holder (anonymous 'prosecutor')"),

    # -- trades and professions given earlier in other words
    Case("the-professor",
         art("Study Links Screen Time to Sleep Loss",
             "The study was led by Professor Hugo Lindgren of Mercer University.",
             "“Teenagers are losing an hour a night,” the professor said."),
         "losing an hour a night", "Hugo Lindgren", "person"),
    Case("soft-spoken-economist",
         art("Central Bank Holds Rates",
             "The Reserve Bank of Ostravia kept rates unchanged on Thursday. Governor Piotr Zielinski, "
             "an economist who spent two decades at the finance ministry, said inflation was cooling.",
             "“We are not declaring victory,” the soft-spoken economist told reporters."),
         "not declaring victory", "Piotr Zielinski", "person"),
    Case("the-coach",
         art("Hawks Fire Offensive Coordinator",
             "Head coach Darnell Price dismissed offensive coordinator Kyle Brandt on Monday after a "
             "fourth straight loss.",
             "“We needed a different voice in that room,” the coach said."),
         "different voice in that room", "Darnell Price", "person"),
    Case("the-striker",
         art("Striker Signs Three-Year Deal",
             "Corbin Athletic signed striker Mateo Vargas from Real Portavila on Wednesday.",
             "“I want to win trophies here,” the striker said at his unveiling."),
         "win trophies here", "Mateo Vargas", "person"),
    Case("the-pitcher",
         art("Ace Shuts Out Rivals",
             "Right-hander Kenji Morimoto threw a two-hit shutout as the Bayport Gulls beat the "
             "Dunmore Owls 3-0.",
             "“My slider was working early,” the pitcher said."),
         "slider was working early", "Kenji Morimoto", "person",
         fails="role not linked to its holder (anonymous 'pitcher')"),
    Case("the-surgeon",
         art("Surgeons Separate Conjoined Twins",
             "A team led by Dr. Ingrid Sorensen separated twin girls at Lakeshore Children’s Hospital "
             "in a 19-hour operation. Their mother, Rachel Dunn, waited outside.",
             "“Both girls are breathing on their own,” the surgeon said."),
         "breathing on their own", "Ingrid Sorensen", "person",
         fails="role not linked to its holder (anonymous 'surgeon')"),
    Case("the-actor",
         art("Film Star Joins Stage Revival",
             "Film star Desmond Pryor will make his stage debut in a revival of The Glass Harbour in "
             "October.",
             "“I am terrified, honestly,” the actor said."),
         "I am terrified, honestly", "Desmond Pryor", "person",
         fails="role not linked to its holder (anonymous 'actor')"),
    Case("veteran-defender",
         art("Defender Hangs Up Boots",
             "Gareth Lloyd-Morgan, who played 500 games at centre back for Aberhaven City, announced "
             "his retirement on Monday.",
             "“My knees made the decision for me,” the veteran defender said."),
         "knees made the decision", "Gareth Lloyd-Morgan", "person",
         fails="role not linked to its holder (anonymous 'veteran defender')"),
    Case("veteran-diplomat",
         art("Envoy Named to Lead Peace Talks",
             "The regional bloc named Sigrid Aalto, a veteran diplomat who served as ambassador to "
             "three countries, to lead the peace talks.",
             "“Both sides want this war to end,” the veteran diplomat said."),
         "Both sides want this war to end", "Sigrid Aalto", "person"),
    Case("born-abroad-chef",
         art("Restaurant Earns Second Star",
             "Chef Antoine Ravel, who was born in Lyon, opened Maison Ravel in Harrowgate in 2015.",
             "“The team earned this, not me,” the French-born chef said."),
         "The team earned this", "Antoine Ravel", "person",
         fails="role not linked to its holder (anonymous 'French-born chef')"),

    # -- age, record and nationality descriptions
    Case("the-47-year-old",
         art("Mountaineer Returns From Summit",
             "Karen Blix, 47, became the oldest woman from Norland to reach the summit of Mount "
             "Torvik without bottled oxygen.",
             "“My lungs were screaming the whole last day,” the 47-year-old said."),
         "lungs were screaming", "Karen Blix", "person"),
    Case("the-62-year-old-lawmaker",
         art("Lawmaker Announces Retirement",
             "State Rep. Douglas Farrow, 62, will not seek re-election, ending a 24-year career in "
             "the legislature.",
             "“It is time for a new generation,” the 62-year-old lawmaker said."),
         "time for a new generation", "Douglas Farrow", "person"),
    Case("the-19-year-old",
         art("Teen Wins Debut Race",
             "Ollie Brennan, 19, won his first professional race in Tarrant on Sunday.",
             "“I still cannot believe it,” the 19-year-old said."),
         "still cannot believe it", "Ollie Brennan", "person"),
    Case("two-time-champion",
         art("Champion Advances at Westbury",
             "Two-time champion Alina Sokolova beat qualifier Mei Tanaka 6-2, 6-1 on Tuesday.",
             "“I felt very calm today,” the two-time champion said."),
         "felt very calm today", "Alina Sokolova", "person",
         fails="role not linked to its holder (anonymous 'two-time')"),
    Case("the-kenyan",
         art("Runner Wins City Marathon",
             "Kenya’s Joseph Kiprono won the Ashbury Marathon on Sunday in 2 hours 6 minutes, ahead "
             "of Tom Hadley.",
             "“The last five kilometres were very hard,” the Kenyan said."),
         "last five kilometres", "Joseph Kiprono", "person"),
    Case("the-welshman",
         art("Golfer Leads Open",
             "Rhys Pritchard, from Cardiff, shot a 65 to take a two-shot lead at the Kingsbarrow "
             "Open.",
             "“The putter was hot,” the Welshman said."),
         "The putter was hot", "Rhys Pritchard", "person",
         fails="nationality not linked to the person (person 'Welshman')"),

    # -- nobody in the article fits: an anonymous description
    Case("nobody-fits-night-watchman",
         art("Factory Fire Under Investigation",
             "A fire tore through the Dunmore textile plant overnight. Owner Gerald Fisk said the "
             "building was insured.",
             "“It started near the loading dock,” the night watchman said."),
         "started near the loading dock", "the night watchman", "anonymous"),
    Case("nobody-fits-health-minister",
         art("Hospitals Told to Cancel Surgeries",
             "Hospitals in the northern region were told to postpone elective surgeries as flu cases "
             "surged. Dr. Ruth Abernathy, who runs the Calder infirmary, said beds were full.",
             "“This is a temporary measure,” the regional health minister said on Thursday."),
         "This is a temporary measure", "the regional health minister", "anonymous"),
    Case("nobody-fits-one-professor",
         art("Tuition Protest Draws Faculty",
             "Students marched on the administration building on Friday, led by student union "
             "president Kwame Asante.",
             "“They are pricing out the very people this university was built for,” said one "
             "professor."),
         "pricing out the very people", "one professor", "anonymous"),
]


# --- Honorifics and surnames -----------------------------------------------------------------
# "Ms. Arlow", "Mr Ashworth", "Dr. Adeyemi", "Sir Alan": the full name the article gave; an
# honorific alone is never a person, and where two people share a surname the honorific
# chooses between them.

BENNING = art(
    "Siblings Take Over Family Firm",
    "Harold Benning and his sister, Ruth Benning, took control of Benning Tools on Monday after "
    "their father retired.",
    "“Dad built this on trust,” Ms. Benning said.",
    "“We will not sell, whatever the offer,” Mr. Benning said.",
)

HONORIFICS = [
    Case("ms-surname",
         art("Premier Outlines Climate Targets",
             "Premier Jacinta Arlow set out new emissions targets on Monday.",
             "“We owe this to our grandchildren,” Ms. Arlow said."),
         "owe this to our grandchildren", "Jacinta Arlow", "person"),
    Case("ms-no-stop-british",
         art("Health Secretary Under Fire",
             "Health Secretary Philippa Crane faced questions over waiting lists on Tuesday.",
             "Ms Crane said: “Waiting times are falling, slowly but surely.”"),
         "Waiting times are falling", "Philippa Crane", "person"),
    Case("mr-no-stop-british",
         art("Chancellor Pledges Tax Cuts",
             "Chancellor Nigel Ashworth promised tax cuts before the next election.",
             "“Working people deserve to keep more of what they earn,” Mr Ashworth told the "
             "conference."),
         "keep more of what they earn", "Nigel Ashworth", "person"),
    Case("mrs-surname-no-honorific-before",
         art("Grandmother Graduates at 78",
             "Evelyn Thistlewood received her history degree from Corran College on Saturday.",
             "“I always said I would finish it,” Mrs. Thistlewood said."),
         "I would finish it", "Evelyn Thistlewood", "person"),
    Case("dr-surname",
         art("Clinic Reports Measles Cases",
             "Dr. Samuel Adeyemi, the county’s medical officer, confirmed five measles cases on "
             "Wednesday.",
             "“Vaccination is the only real protection,” Dr. Adeyemi said."),
         "only real protection", "Samuel Adeyemi", "person"),
    Case("prof-hyphenated",
         art("Archaeologists Find Roman Villa",
             "The dig was led by Professor Margaret Hale-Dunmore of Westmarch University.",
             "“The mosaics are almost perfectly preserved,” Prof. Hale-Dunmore said."),
         "almost perfectly preserved", "Margaret Hale-Dunmore", "person"),
    Case("sen-surname",
         art("Senator Seeks Probe of Drug Prices",
             "Senator Frances Delacroix asked regulators to investigate insulin pricing.",
             "“People are rationing a drug that costs pennies to make,” Sen. Delacroix said."),
         "costs pennies to make", "Frances Delacroix", "person"),
    Case("gen-surname",
         art("Army Chief Warns of Insurgent Threat",
             "General Ayaan Qadri, the army chief, briefed lawmakers on Tuesday.",
             "“The threat has moved into the cities,” Gen. Qadri said."),
         "moved into the cities", "Ayaan Qadri", "person"),
    Case("judge-surname",
         art("Judge Rejects Plea Deal",
             "Circuit Judge Lorraine Whitfield rejected the plea deal on Monday.",
             "“This agreement does not reflect the seriousness of the crime,” Judge Whitfield said."),
         "seriousness of the crime", "Lorraine Whitfield", "person"),
    Case("ms-chooses-sister", BENNING, "Dad built this on trust", "Ruth Benning", "person"),
    Case("mr-chooses-brother", BENNING, "We will not sell", "Harold Benning", "person"),
    Case("sir-first-name",
         art("Football Chairman Steps Down",
             "Sir Alan Pembury stepped down as chairman of Hartley Town after 15 years.",
             "“It has been the honour of my life,” Sir Alan said."),
         "honour of my life", "Alan Pembury", "person"),
    Case("rev-surname",
         art("Church Opens Warming Centre",
             "The Rev. Josiah Mbatha opened the church hall to homeless residents during the cold "
             "snap.",
             "“Nobody should freeze in this city,” Rev. Mbatha said."),
         "Nobody should freeze in this city", "Josiah Mbatha", "person"),
    Case("ms-surname-never-named-in-full",
         art("Bookshop Marks 50 Years",
             "The Paper Lantern bookshop on Orchard Lane celebrated its 50th year on Saturday.",
             "“We have outlasted three chains and the internet,” said Ms. Okonjo, who has owned the "
             "shop since 1998."),
         "outlasted three chains", "Okonjo", "person"),
    Case("inverted-ms-with-relative",
         art("Union Wins Back Pay",
             "Shop steward Danielle Fournier led the two-year fight for back pay at the Calloway "
             "plant.",
             "“This money belongs to the workers,” said Ms. Fournier, who has worked at the plant "
             "since 2004."),
         "money belongs to the workers", "Danielle Fournier", "person"),
    Case("surname-past-counterpart",
         art("Trade Talks Stall",
             "Trade Minister Yusuf Demir met his counterpart, Helga Brandvold, in Geneva on Monday.",
             "“We are further apart than I hoped,” Demir said."),
         "further apart than I hoped", "Yusuf Demir", "person"),
    Case("surname-after-possessive",
         art("Tennis Star Withdraws",
             "World No. 3 Paulina Reszke withdrew from the Calder Cup with a wrist injury.",
             "Reszke’s coach said she would be out for a month. “I am heartbroken,” Reszke wrote on "
             "social media."),
         "I am heartbroken", "Paulina Reszke", "person"),
    Case("mx-surname",
         art("Artist Collective Wins Grant",
             "Sculptor Robin Achebe-Lund leads the Kiln Street collective.",
             "“This grant keeps the lights on for two years,” Mx. Achebe-Lund said."),
         "keeps the lights on", "Robin Achebe-Lund", "person"),
    Case("president-surname",
         art("President Vetoes Media Law",
             "President Aurelia Santamaria vetoed the media law on Friday.",
             "“A free press is not negotiable,” President Santamaria said."),
         "free press is not negotiable", "Aurelia Santamaria", "person"),
    Case("ms-surname-is-a-word",
         art("Shop Owners Rally Against Tax",
             "Bakery owner Denise Young organised the rally outside city hall.",
             "“We are not a piggy bank,” Ms. Young said."),
         "not a piggy bank", "Denise Young", "person"),
    Case("mr-keeps-middle-initial",
         art("Developer Wins Zoning Fight",
             "Developer Charles T. Whitmore won approval for the riverfront towers on Tuesday.",
             "“The river deserves better than parking lots,” Mr. Whitmore said."),
         "better than parking lots", "Charles T. Whitmore", "person"),
    Case("mr-after-nickname",
         art("Boxer Announces Comeback",
             "Robert “Bobby” Tran, the former lightweight champion, will fight again in June.",
             "“I still have something to prove,” Mr. Tran said."),
         "something to prove", "Robert Tran", "person"),
    Case("chief-justice-surname",
         art("Chief Justice Warns on Court Backlog",
             "Chief Justice Olumide Bakare said the courts faced a backlog of 80,000 cases.",
             "“Every month of delay is a month of someone’s life,” Chief Justice Bakare said."),
         "month of delay", "Olumide Bakare", "person"),
    Case("ms-short-surname",
         art("Chef Opens Noodle Bar",
             "Chef Vivian Ng opened her first restaurant on Queen Street.",
             "“My mother’s recipes, my rules,” Ms. Ng said."),
         "my rules", "Vivian Ng", "person"),
    Case("capt-surname",
         art("Captain Praised for Rescue",
             "Capt. Ferdinand Oyelowo steered the ferry back to port after its engine failed in a "
             "storm.",
             "“I just did what I was trained to do,” Capt. Oyelowo said."),
         "what I was trained to do", "Ferdinand Oyelowo", "person"),
    Case("ms-surname-later-paragraph",
         art("Nursing Home Fined Over Staffing",
             "Inspector Georgina Lyle found that the Birchwood care home had left one aide in charge "
             "of 30 residents overnight.",
             "The home’s owners, Silverleaf Care, have 28 days to respond.",
             "Ms. Lyle said in her report that “residents were at serious risk of harm.”"),
         "serious risk of harm", "Georgina Lyle", "person"),
    Case("dr-surname-two-doctors",
         art("Doctors Split on Screening Age",
             "Dr. Helena Voss, an oncologist, wants screening to start at 40. Dr. Felix Amadi, a "
             "family physician, thinks 50 is soon enough.",
             "“We catch the aggressive cancers too late,” Dr. Voss said."),
         "aggressive cancers too late", "Helena Voss", "person"),
]


# --- Never a speaker: places, institutions, dates, headline words, page furniture -------------
# Capitalised words that are not people must never become speakers, whether a pronoun would
# land on them, a cue stands next to them or a headline's title case dresses them as a name.
# Stretches that are not speech (scare quotes, titles, nicknames) give no record at all.

NEVER = [
    # -- headline title-case words
    Case("headline-harbouring-militants",
         art("Minister Denies Harbouring Militants",
             "VELORIA — Interior Minister Farhad Nazari on Tuesday rejected accusations that his "
             "government sheltered fighters.",
             "“We have nothing to hide,” he said."),
         "We have nothing to hide", "Farhad Nazari", "person",
         never=("Harbouring Militants", "Denies Harbouring Militants")),
    Case("headline-record-harvest",
         art("Secretary Hails Record Harvest",
             "Farm Secretary Lucille Ambrose toured grain elevators in Dunmore County on Friday.",
             "“Our farmers outdid themselves this year,” she said."),
         "outdid themselves this year", "Lucille Ambrose", "person",
         never=("Record Harvest", "Hails Record Harvest")),
    Case("headline-young-defense",
         art("Coach Praises Young Defense",
             "The Millbrook Mustangs held their opponents to 7 points on Friday.",
             "“These kids play with their hair on fire,” coach Tony Barasso said."),
         "hair on fire", "Tony Barasso", "person", never=("Young Defense",)),
    Case("headline-defiant-striker",
         art("Defiant Striker Vows to Stay",
             "Leandro Costa insists he is going nowhere.",
             "“I love this club,” he said on Friday."),
         "I love this club", "Leandro Costa", "person", never=("Defiant Striker",)),
    Case("headline-rates-stay-high",
         art("Bank Chief Says Rates Will Stay High",
             "The governor of the Bank of Esterland, Matthias Krone, said on Wednesday that inflation "
             "remained too high to cut borrowing costs.",
             "“We are not there yet,” he said."),
         "We are not there yet", "Matthias Krone", "person",
         never=("Rates Will Stay High", "Bank Chief", "Stay High")),
    Case("headline-faces-revolt",
         art("Premier Faces Revolt Over Fuel Tax",
             "Premier Edith Carrow was warned by a dozen of her own lawmakers on Monday that they "
             "would vote against the fuel tax.",
             "“I will not govern by ultimatum,” she said."),
         "govern by ultimatum", "Edith Carrow", "person",
         never=("Faces Revolt", "Fuel Tax")),
    Case("section-heading-between",
         art("Refinery Blast Injures Four",
             "Safety inspector Gordon Mbeki arrived at the refinery within an hour of the explosion.",
             "What Comes Next",
             "“We will be here for weeks,” he said."),
         "We will be here for weeks", "Gordon Mbeki", "person",
         never=("What Comes Next", "Comes Next")),

    # -- places next to the speaker
    Case("place-before-resident-title",
         art("Flood Waters Recede",
             "Families began returning to their homes along the Tamsin River on Wednesday.",
             "“We lost everything on the ground floor,” North Shore resident Diane Corliss said."),
         "lost everything on the ground floor", "Diane Corliss", "person", never=("North Shore",)),
    Case("place-after-relative",
         art("Road Closure Strands Villagers",
             "A landslide has blocked the only road into the valley since last Tuesday.",
             "“The road has been shut for a week,” said Agnes Morrow, who lives in Mount Pleasant."),
         "shut for a week", "Agnes Morrow", "person", never=("Mount Pleasant",)),
    Case("dateline-place",
         art("Lake Levels Hit Record Low",
             "CEDAR POINT, Mich. — Marina owners are hauling boats out weeks early this year.",
             "“We have never seen the water this low,” said marina owner Greg Toivonen."),
         "never seen the water this low", "Greg Toivonen", "person",
         never=("CEDAR POINT", "Cedar Point")),
    Case("relative-clause-place",
         art("Envoys Urge Calm on Border",
             "The shelling near Port Annick has raised alarm among regional actors who are urging "
             "immediate de-escalation.",
             "Mediator Lucia Ferrante said both sides had agreed to a hotline."),
         "immediate de-escalation", "regional actors", "anonymous", never=("Port Annick",),
         fails="no record: passed on track A alone, lost when merged with track C's relative-clause rule"),
    Case("relative-who-takes-antecedent",
         art("Farmers Protest Import Deal",
             "Dairy farmers who blocked the motorway near Carrow Bridge said the deal would bankrupt "
             "small herds.",
             "Agriculture Minister Tobias Lenz met their leaders on Thursday."),
         "bankrupt small herds", "Dairy farmers", "anonymous", never=("Carrow Bridge",)),

    # -- institutions and venues
    Case("hospital-after-patient-appositive",
         art("Emergency Waits Hit Record",
             "Emergency departments across the region reported their longest waits on record last "
             "month.",
             "“The wait was six hours before anyone saw me,” said Harold Vance, a patient at "
             "Memorial General."),
         "six hours before anyone saw me", "Harold Vance", "person", never=("Memorial General",)),
    Case("hospital-as-place-she",
         art("Ward Closures Anger Patients",
             "Hilda Greaves, 81, waited 14 hours on a trolley at Royal Alexandra last week.",
             "“They treated me like luggage,” she said."),
         "treated me like luggage", "Hilda Greaves", "person", never=("Royal Alexandra",),
         fails="she -> a hospital used as a place (Royal Alexandra)"),
    Case("campus-building-she",
         art("Protesters Occupy Campus Building",
             "Students occupied Kingsford Hall on Tuesday night.",
             "University President Harriet Voss said the protest would be tolerated as long as it "
             "remained peaceful. “Nobody will be arrested for speaking,” she said."),
         "Nobody will be arrested for speaking", "Harriet Voss", "person", never=("Kingsford Hall",)),
    Case("stadium-after-cue",
         art("Rovers Thrash Rivals",
             "Hartley Rovers beat Danby United 5-0 on Saturday.",
             "“We were brilliant tonight,” manager Ivo Petrovic said at Danby Lane."),
         "We were brilliant tonight", "Ivo Petrovic", "person", never=("Danby Lane",)),
    Case("hospital-short-name-it",
         art("Children’s Ward Reopens",
             "The children’s ward at St. Jude’s reopened on Monday after a two-year refurbishment paid "
             "for by the Harlan Trust.",
             "It said the new ward had twice as many beds."),
         "twice as many beds", "Harlan Trust", "organisation", never=("St. Jude’s", "St. Jude"),
         fails="it left unresolved (anonymous 'It')"),

    # -- dates and holidays
    Case("new-years-day-adverbial",
         art("Fireworks Ban Upheld",
             "Fire Marshal Owen Pryce defended the fireworks ban on Monday.",
             "On New Year’s Day, he said, crews answered 40 fire calls. “That is not a celebration, "
             "that is a disaster,” he added."),
         "not a celebration", "Owen Pryce", "person", never=("New Year’s Day", "New Year")),
    Case("eid-he",
         art("Markets Busy Before Eid",
             "Trader Bilal Hussain said sales of clothes had doubled in the week before Eid al-Fitr.",
             "“Everyone wants new clothes for the children,” he said."),
         "new clothes for the children", "Bilal Hussain", "person", never=("Eid al-Fitr", "Eid")),
    Case("election-day-she",
         art("Turnout Expected to Surge",
             "Elections chief Marisol Vega urged voters to check their polling places before Election "
             "Day.",
             "“Do not wait until the last minute,” she said."),
         "wait until the last minute", "Marisol Vega", "person", never=("Election Day",)),
    Case("independence-day-it",
         art("Parade Cancelled Over Safety Fears",
             "The Harlow Chamber of Commerce cancelled its Independence Day parade on Monday.",
             "It said it could not afford the extra security."),
         "could not afford the extra security", "Harlow Chamber of Commerce", "organisation",
         never=("Independence Day",),
         fails="it left unresolved (anonymous 'It')"),
    Case("christmas-and-santa-he",
         art("Santa Volunteer Retires",
             "For 35 years, Walter Brigg has played Santa at the Ellery Mall. This Christmas will be "
             "his last.",
             "“The kids keep me young,” he said."),
         "kids keep me young", "Walter Brigg", "person", never=("Christmas", "Santa", "Ellery Mall")),

    # -- page furniture and credits
    Case("reporting-credit",
         art("Factory Output Falls",
             "Manufacturing output in Esterland fell for a third month in March, the statistics "
             "office said.",
             "“Demand from abroad has dried up,” said economist Lars Pedersen of Nordhavn Bank.",
             "Reporting by Maria Lindqvist; Editing by Tom Hale"),
         "Demand from abroad has dried up", "Lars Pedersen", "person",
         never=("Maria Lindqvist", "Tom Hale")),
    Case("photo-credit-she",
         art("Nurses Rally for Safe Staffing",
             "Nurse Abigail Tenney led the rally outside Brookfield General on Saturday.",
             "Nurses march outside the hospital. Photo: Jenna Moore/The Tribune",
             "“We are one nurse for twelve patients at night,” she said."),
         "one nurse for twelve patients", "Abigail Tenney", "person",
         never=("Jenna Moore", "Brookfield General")),
    Case("staff-photo-she",
         art("Youth Choir Heads to Vienna",
             "Choir director Patience Mwangi has prepared the 40 singers for a year.",
             "STAFF PHOTO",
             "“They sing like angels and eat like wolves,” she said."),
         "sing like angels", "Patience Mwangi", "person", never=("STAFF PHOTO",)),
    Case("story-continues-he",
         art("Bridge Repairs to Take Two Years",
             "Transport official Neil Brody said the bridge would close in May.",
             "Story continues below",
             "“There is no cheap way to fix a 90-year-old bridge,” he said."),
         "no cheap way to fix", "Neil Brody", "person", never=("Story continues below",)),
    Case("newsletter-prompt-she",
         art("Library Adds Sunday Hours",
             "Head librarian Constance Obi said the branch would open on Sundays from June.",
             "Sign up for the Morning Brief newsletter",
             "“Sunday is when working families can come,” she said."),
         "when working families can come", "Constance Obi", "person",
         never=("Morning Brief",)),
    Case("story-continues-no-record",
         art("Water Main Bursts Downtown",
             "A water main burst under Fenwick Street on Monday, flooding three basements.",
             "Story continues below",
             "Crews expect to finish repairs by Wednesday."),
         "Story continues below", None, record=False),

    # -- not speech at all
    Case("scare-quote-no-record",
         art("Reform Package Passes Senate",
             "The so-called “reform package” passed the Senate 54-46 on Thursday after a night of "
             "debate."),
         "reform package", None, record=False),
    Case("book-title-no-record",
         art("Memoir Tops Bestseller List",
             "Her memoir, “Salt and Iron,” has sold 200,000 copies since it was published in "
             "March."),
         "Salt and Iron", None, record=False),
    Case("nickname-no-record",
         art("Boxer Returns to Ring",
             "Robert “Bobby” Tran, the former lightweight champion, returned to the ring on Saturday "
             "after three years away."),
         "Bobby", None, record=False),
]


# --- Anonymous and unattributed --------------------------------------------------------------
# An unnamed source is anonymous with the article's description, never the nearest named
# person; a quote nobody in the text says is kept with no speaker.

ANONYMOUS = [
    Case("senior-official-anonymity",
         art("Prisoner Swap Talks Resume",
             "Negotiators from both countries met in Port Serrano on Thursday.",
             "A senior official, speaking on condition of anonymity because he was not authorised to "
             "discuss the talks, said a deal could come within days."),
         "a deal could come within days", "A senior official", "anonymous"),
    Case("one-resident",
         art("Water Shortage Hits Suburb",
             "Taps in Elmhurst Heights ran dry for a third day on Wednesday.",
             "“We are buying bottled water to bathe the baby,” one resident said."),
         "bottled water to bathe the baby", "one resident", "anonymous"),
    Case("rescuer-not-owner",
         art("Mine Collapse Traps Workers",
             "Mine owner Victor Hale said rescue teams were drilling toward the trapped men.",
             "A rescuer, who asked not to be named because he was not authorised to speak, said air "
             "was being pumped into the shaft.",
             "“We can hear them tapping,” he said."),
         "We can hear them tapping", "A rescuer", "anonymous",
         fails="he -> the named owner, not the anonymous rescuer (Victor Hale)"),
    Case("sources-said",
         art("Club Close to Signing Keeper",
             "Kelsall United are close to signing goalkeeper Emil Sandvik from Nordvik, sources said "
             "on Tuesday."),
         "close to signing goalkeeper", "sources", "anonymous"),
    Case("according-to-two-people",
         art("Carmaker to Cut Jobs",
             "Vantor Motors will cut 2,000 jobs at its Halden plant, according to two people briefed "
             "on the plan."),
         "cut 2,000 jobs", "two people briefed on the plan", "anonymous"),
    Case("officials-not-general",
         art("Ceasefire Largely Holding",
             "General Tariq Mahmood toured the frontier on Monday.",
             "The ceasefire was largely holding, officials said."),
         "largely holding", "officials", "anonymous"),
    Case("witness-she",
         art("Driver Flees After Hitting Cyclist",
             "Police are searching for the driver of a grey van that struck a cyclist on Harrow "
             "Street on Sunday evening.",
             "“The van never slowed down,” said a witness, who declined to give her name."),
         "never slowed down", "a witness", "anonymous"),
    Case("airport-spokesman",
         art("Airport Strike Called Off",
             "A planned strike at Harwick Airport was called off on Friday night after union leader "
             "Dev Patel accepted a revised offer.",
             "“Flights will operate as normal,” an airport spokesman said."),
         "operate as normal", "an airport spokesman", "anonymous"),
    Case("nurse-anonymity-she",
         art("Clinic Staff Describe Shortages",
             "Clinic director Dr. Paul Mercer said supplies were adequate.",
             "A nurse, who spoke on condition of anonymity for fear of losing her job, disagreed. "
             "“We reuse gloves between patients,” she said."),
         "reuse gloves between patients", "A nurse", "anonymous",
         fails="she -> headline words (Clinic Staff)"),
    Case("diplomat-not-identified",
         art("Sanctions Talks Stall",
             "Foreign ministers meeting in Valdora failed to agree on new sanctions on Wednesday.",
             "“Two countries are blocking everything,” said a diplomat who asked not to be "
             "identified."),
         "blocking everything", "a diplomat", "anonymous"),
    Case("spokesperson-for-named-minister",
         art("Minister Skips Hearing",
             "Education Minister Clara Hoffmann did not attend Tuesday’s committee hearing.",
             "A spokesperson for Hoffmann said she had a prior commitment."),
         "had a prior commitment", "A spokesperson for Hoffmann", "anonymous"),
    Case("neighbour-he-anonymous",
         art("House Fire Kills Dog",
             "A fire destroyed a house on Linden Crescent early on Sunday. The owner, Craig Dawes, was "
             "away on holiday.",
             "One neighbour said he heard the smoke alarm for twenty minutes before anyone called the "
             "fire brigade."),
         "heard the smoke alarm", "One neighbour", "anonymous"),

    # -- unattributed: no speaker in the text
    Case("unattributed-standalone",
         art("Flood Defences Questioned",
             "The river rose two metres overnight and spilled over the wall on Quay Street.",
             "“Build it higher or build it somewhere else.”",
             "Engineers will inspect the wall on Monday."),
         "Build it higher", None, "unattributed"),
    Case("unattributed-motto",
         art("Fire Station Marks Centenary",
             "“Leave no one behind.” The words are painted above the door of the Halden volunteer "
             "fire station, which marks its 100th year this week."),
         "Leave no one behind", None, "unattributed"),
    Case("unattributed-last-match",
         art("Fans Say Goodbye to Pellow Park",
             "The last match at Pellow Park ended in a 1-1 draw on Saturday. Club captain Sean "
             "Doherty led the players on a lap of honour.",
             "Then the floodlights went out for the final time.",
             "“Goodbye, old friend, and thank you for everything.”",
             "The stadium will be demolished in the spring."),
         "Goodbye, old friend", None, "unattributed"),
]


GROUPS: list[tuple[str, list[Case]]] = [
    ("pronouns", PRONOUNS),
    ("roles", ROLES),
    ("honorifics", HONORIFICS),
    ("never-speakers", NEVER),
    ("anonymous", ANONYMOUS),
]
