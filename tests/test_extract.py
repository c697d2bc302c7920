"""Golden cases for extraction and attribution (textacy-style: text in, expected records out).

Each case names what it pins down; cases that expect nothing are as important as the rest.
"""
from pathlib import Path

import pytest

from search.attribution import extract
from search.ingest import read_file
from search.pipeline import quotes_of
from search.text import quote_marks

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def one(text: str, **expect):
    expect = {("text" if k == "content" else k): v for k, v in expect.items()}
    quotes = extract(text)
    assert len(quotes) == 1, [q.text for q in quotes]
    q = quotes[0]
    for key, value in expect.items():
        assert getattr(q, key) == value, (key, getattr(q, key), value)
    assert text[q.start:q.end].startswith(q.text[:10])
    if q.speaker_start is not None:
        assert text[q.speaker_start:q.speaker_end] == q.speaker_mention
    return q


@pytest.mark.parametrize("text, expect", [
    pytest.param('"We will win," Mr. Smith said.',
                 dict(kind="direct", speaker="Smith", cue="said", content='"We will win,"'), id="straight-after"),
    pytest.param('"We will win," Mx. Lund said.',  # "Mx." is an abbreviation: the sentence goes on
                 dict(kind="direct", speaker="Lund", cue="said"), id="mx-honorific"),
    pytest.param("“We will win,” said Jane Doe, the director of the Wilson Center.",
                 dict(kind="direct", speaker="Jane Doe", role="director of the Wilson Center",
                      affiliation="Wilson Center"), id="inverted-appositive"),
    pytest.param("Jane Doe warned: “This cannot go on.”",
                 dict(kind="direct", speaker="Jane Doe", cue="warned"), id="colon-before"),
    pytest.param("Jane Doe said, “This cannot go on.”",
                 dict(kind="direct", speaker="Jane Doe", cue="said"), id="comma-before"),
    pytest.param("Minister of Defense Khawaja Asif declared that Pakistan was in “open war” with Afghanistan.",
                 dict(kind="partial", speaker="Khawaja Asif", cue="declared", role="Minister of Defense",
                      content="that Pakistan was in “open war” with Afghanistan"), id="partial-in-clause"),
    pytest.param("The Foreign Office said the talks had failed.",
                 dict(kind="indirect", speaker="Foreign Office", speaker_type="organisation",
                      content="the talks had failed"), id="reported-zero-that"),
    pytest.param("Jane Doe called on both sides to adhere to international law.",
                 dict(kind="indirect", speaker="Jane Doe", content="both sides to adhere to international law"),
                 id="called-on"),
    pytest.param("Islamabad denied that it shelters militants.",
                 dict(kind="indirect", speaker="Islamabad", speaker_type="organisation",
                      affiliation="Government of Pakistan"), id="capital-for-government"),
    pytest.param("The economy is weak, according to Jane Doe.",
                 dict(kind="indirect", speaker="Jane Doe", cue="according to", content="The economy is weak"),
                 id="according-to"),
    pytest.param("“The market is empty,” one resident recounted.",
                 dict(kind="direct", speaker="one resident", speaker_type="anonymous", speaker_id=None),
                 id="anonymous"),
    pytest.param("“Taliban leaders no longer need refuge across the border,” wrote Foreign Policy.",
                 dict(kind="direct", speaker="Foreign Policy", speaker_type="publication"), id="publication"),
    pytest.param("“The Taliban hopes to buy goodwill,” Michael Kugelman, the director of the South Asia "
                 "Institute at the Wilson Center, told Time.com",
                 dict(speaker="Michael Kugelman", affiliation="Wilson Center"), id="intermediary-not-speaker"),
    pytest.param("“The city was quiet all night and nobody slept at all.”",
                 dict(kind="direct", speaker=None, speaker_type="unattributed"), id="unattributed"),
    pytest.param("Christie blasted Clinton as a “disgrace” on Wednesday.",
                 dict(kind="partial", speaker="Christie", content="Clinton as a “disgrace”"),
                 id="blasted-as-ends-with-its-quote"),
    pytest.param("Trump openly admires Russian President Vladimir Putin as a “strong leader.”",
                 dict(kind="partial", speaker="Trump",
                      content="Russian President Vladimir Putin as a “strong leader.”"),
                 id="admires-as"),
    pytest.param("Trump told the forum he was “totally against the war in Iraq” from the start.",
                 dict(kind="partial", speaker="Trump",
                      content="he was “totally against the war in Iraq” from the start"),
                 id="told-addressee-then-clause"),
    pytest.param("Christie, who has campaigned for Trump since he left the race in February, blasted Clinton "
                 "as a “disgrace” on Wednesday.",
                 dict(kind="partial", speaker="Christie", content="Clinton as a “disgrace”"),
                 id="subject-before-long-relative-clause"),
    pytest.param("Harry Reid has been steadily pounding Trump as a “con artist” ― just as he did with Romney.",
                 dict(kind="partial", speaker="Harry Reid", content="Trump as a “con artist”"),
                 id="adverb-before-progressive-and-unpaired-dash"),
    pytest.param("Gingrich cynically dismissed Estonia as being in the “suburbs of St. Petersburg.”",
                 dict(kind="partial", speaker="Gingrich",
                      content="Estonia as being in the “suburbs of St. Petersburg.”"),
                 id="adverb-before-verb"),
    pytest.param("Jane Doe said the plan — which was drafted in “great haste” — would fail.",
                 dict(kind="partial", speaker="Jane Doe",
                      content="the plan — which was drafted in “great haste” — would fail"),
                 id="paired-dashes-stay-inside"),
    pytest.param("Chris Christie Calls Hillary Clinton ‘A Disgrace’ Over Police Shooting Comments.",
                 dict(kind="partial", speaker="Chris Christie",
                      content="Hillary Clinton ‘A Disgrace’ Over Police Shooting Comments"),
                 id="headline-calls"),
    pytest.param("Trump ‘The Dealmaker’ Could Address Clean Energy, Lindsey Graham Says.",
                 dict(kind="partial", speaker="Lindsey Graham",
                      content="Trump ‘The Dealmaker’ Could Address Clean Energy"),
                 id="headline-says-after"),
    pytest.param("The main test is a “lawful source of investment income,” as a Homeland Security memo put it.",
                 dict(kind="partial", speaker="A Homeland Security memo",
                      content="The main test is a “lawful source of investment income,”"),
                 id="as-x-put-it-after"),
    pytest.param("As one analyst put it, the party is “in deep trouble.”",
                 dict(kind="partial", speaker="one analyst", content="the party is “in deep trouble.”"),
                 id="as-x-put-it-before"),
    pytest.param("According to a civil complaint filed by the federal Securities and Exchange Commission and the "
                 "state of Vermont, the developers ran a “massive fraudulent scheme.”",
                 dict(kind="partial", speaker="a civil complaint",
                      content="the developers ran a “massive fraudulent scheme.”"),
                 id="according-to-long-noun-phrase"),
    pytest.param("“We will win this fight,” his wife, Mary, said on Monday.",
                 dict(kind="direct", speaker="Mary", role="his wife", content="“We will win this fight,”"),
                 id="description-before-name"),
    pytest.param("“We will win this fight,” a spokesman for the ministry, John Smith, told reporters.",
                 dict(kind="direct", speaker="John Smith", role="a spokesman for the ministry"),
                 id="description-with-preposition-before-name"),
    pytest.param("A lawyer for the outlets, David Schulz, said no decision had been made.",
                 dict(kind="indirect", speaker="David Schulz", content="no decision had been made"),
                 id="said-no-decision"),
    pytest.param("“It is a big year for us,” his niece, state Rep. Marcia Price, shouted to the crowd.",
                 dict(kind="direct", speaker="Marcia Price", cue="shouted"), id="state-is-an-adjective"),
    pytest.param('Protesters marching through the streets chanted "What curfew?" and kept going.',
                 dict(kind="direct", speaker="Protesters marching through the streets", content='"What curfew?"'),
                 id="quote-object-then-and"),
    pytest.param('Small groups of protesters walked the streets while chanting, "Hands up, don\'t shoot."',
                 dict(kind="direct", speaker="Small groups of protesters", speaker_type="anonymous"),
                 id="collective-of-people"),
    pytest.param("“We see hope in every city,” the letter reads.",
                 dict(kind="direct", cue="reads", speaker_mention="the letter"), id="document-reads"),
    pytest.param("The ad ends with footage of Jane Doe saying during the debate last week, “That makes me smart,” "
                 "as the music fades.",
                 dict(kind="direct", speaker="Jane Doe", content="“That makes me smart,”"),
                 id="participle-adverbial-quote"),
    pytest.param("Jane Doe sent out a series of tweets early Friday saying that the plan was “a disaster.”",
                 dict(kind="partial", speaker="Jane Doe", cue="saying",
                      content="that the plan was “a disaster.”"), id="message-participle"),
    pytest.param("After the meeting, the Security Council issued a statement calling the test “a clear violation.”",
                 dict(kind="partial", speaker="Security Council", cue="calling"), id="statement-calling"),
    pytest.param("Calling the deal “a disaster,” Jane Doe walked out of the room.",
                 dict(kind="partial", speaker="Jane Doe", cue="Calling", content="the deal “a disaster,”"),
                 id="opening-participle"),
    pytest.param("Jane Doe has used the phrase “Islamic terrorism” often in her campaign.",
                 dict(kind="direct", speaker="Jane Doe", cue="used", content="“Islamic terrorism”"),
                 id="used-the-phrase"),
    pytest.param("But environmentalists worry that the plant is polluting the river.",
                 dict(kind="indirect", speaker="environmentalists", speaker_type="anonymous"),
                 id="plural-people-noun"),
    pytest.param("Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’",
                 dict(kind="partial", speaker="Black Lawmakers", speaker_type="anonymous", affiliation=None,
                      content="Donald Trump As A ‘Disgusting Fraud.’"), id="headline-group-rips"),
    pytest.param("Hillary Clinton Speaks ‘Directly To White People’ After Latest Police Shooting",
                 dict(speaker="Hillary Clinton", cue="Speaks"), id="headline-speaks"),
    pytest.param("Connecticut’s tax commissioner says an internal review found no leak.",
                 dict(kind="indirect", speaker_mention="Connecticut’s tax commissioner",
                      content="an internal review found no leak"), id="role-noun-head"),
    pytest.param("The New York state attorney general is confirming that the charity is not registered.",
                 dict(kind="indirect", speaker_mention="The New York state attorney general",
                      content="that the charity is not registered"), id="state-attorney-general"),
    pytest.param("Companies complain bitterly that taxes are too high.",
                 dict(kind="indirect", speaker="Companies", content="that taxes are too high"),
                 id="adverb-before-that"),
    pytest.param("Ultimately, Mr. Clarke hopes to offset all of the emissions.",
                 dict(kind="indirect", speaker="Clarke", content="to offset all of the emissions"),
                 id="hopes-to"),
    pytest.param("Obama on Climate Change: The Trends Are ‘Terrifying.’",
                 dict(kind="partial", speaker="Obama", content="The Trends Are ‘Terrifying.’"), id="headline-x-on-y"),
    pytest.param("Pat Caddell: Voters Worried About Her Health; It’s ‘in Their Heads.’",
                 dict(speaker="Pat Caddell", content="Voters Worried About Her Health; It’s ‘in Their Heads.’"),
                 id="headline-colon-to-the-end"),
    pytest.param("Jane Doe went on to say that the country was “sick and tired” of it.",
                 dict(kind="partial", speaker="Jane Doe", cue="went on to say"), id="went-on-to-say"),
    pytest.param("Jane Doe took to Twitter overnight to accuse the campaign of being “duped” by the press.",
                 dict(kind="partial", speaker="Jane Doe", content="of being “duped” by the press"),
                 id="took-to-twitter-to"),
    pytest.param("Jane Doe wrote a check.\nOn September 27 they published the results by announcing that the "
                 "statement was “true.”", dict(kind="partial", speaker_mention="they", cue="announcing",
                                                content="that the statement was “true.”"),
                 id="a-participle-after-by-inherits-a-pronoun-subject-after-an-adverbial"),
    pytest.param("Vermont Sen. Bernie Sanders on Tuesday said he wants to close four loopholes.",
                 dict(kind="indirect", speaker="Bernie Sanders", content="he wants to close four loopholes"),
                 id="a-day-after-the-name-is-no-name"),
    pytest.param("The Times last week wrote that Trump had claimed a loss.",
                 dict(kind="indirect", speaker="Times", speaker_type="publication"), id="a-time-after-the-subject"),
    pytest.param("On Tuesday Jane Doe said the war was over.",
                 dict(kind="indirect", speaker="Jane Doe", content="the war was over"), id="a-time-before-the-name"),
    pytest.param("On Sept. 12 the ministry said the war was over.",
                 dict(kind="indirect", speaker_mention="the ministry", content="the war was over"),
                 id="a-date-before-the-subject"),
    pytest.param("Jane Doe, the mayor since 2010, said the war was over.",
                 dict(kind="indirect", speaker="Jane Doe", role="mayor since 2010"), id="since-a-year-in-an-appositive"),
    pytest.param("A Quinnipiac University poll released in late August found that most voters want change.",
                 dict(kind="indirect", speaker_mention="A Quinnipiac University poll", cue="found",
                      affiliation="Quinnipiac University"),
                 id="a-participle-and-a-time-after-the-subject"),
    pytest.param("A UN report in July 2025 claimed the TTP enjoys “logistical and operational support” from "
                 "Taliban authorities, a claim Kabul denies.",
                 dict(kind="partial", speaker_mention="A UN report", affiliation="UN",
                      content="the TTP enjoys “logistical and operational support” from Taliban authorities"),
                 id="a-report-speaks-for-its-body-and-the-writers-aside-is-not-its-words"),
    pytest.param("A former Democratic National Committee chairman said the race was close.",
                 dict(kind="indirect", affiliation="Democratic National Committee"), id="an-organisation-inside-a-role"),
    pytest.param("The Taliban government said the border was closed.",
                 dict(kind="indirect", affiliation="Taliban government"), id="an-organisation-and-its-common-noun"),
    pytest.param("It amounted to what the senators said was economic gerrymandering.",
                 dict(kind="indirect", speaker_mention="the senators", content="economic gerrymandering"),
                 id="what-x-said-was-y"),
    pytest.param("Officials said at least 12 people were killed.",
                 dict(kind="indirect", speaker="Officials", content="at least 12 people were killed"),
                 id="a-clause-opening-with-a-number"),
    pytest.param("Jane Doe claimed, without evidence, that the election was rigged.",
                 dict(kind="indirect", speaker="Jane Doe", content="that the election was rigged"),
                 id="an-aside-between-commas-after-the-cue"),
    pytest.param("Two people familiar with the matter said the talks had stalled.",
                 dict(kind="indirect", speaker="Two people familiar with the matter", speaker_type="anonymous"),
                 id="people-familiar-with-the-matter"),
    pytest.param("Sources close to the president said he would resign.",
                 dict(kind="indirect", speaker="Sources close to the president", content="he would resign"),
                 id="sources-close-to"),
    pytest.param("Jane Doe, speaking to reporters after the meeting, said the economy was weak.",
                 dict(kind="indirect", speaker="Jane Doe", role=None), id="a-participle-appositive-with-after"),
    pytest.param("Speaking to reporters after the meeting, Jane Doe said the economy was weak.",
                 dict(kind="indirect", speaker="Jane Doe", cue="said"), id="an-opening-participle-with-a-preposition"),
    pytest.param("Jane Doe, who has led the party since 2010, said the election was rigged.",
                 dict(kind="indirect", speaker="Jane Doe", role=None), id="a-relative-clause-is-no-role"),
    pytest.param("White House press secretary Josh Earnest said the president would veto the bill.",
                 dict(speaker="Josh Earnest", role="White House press secretary", affiliation="White House"),
                 id="a-two-word-organisation-in-a-title"),
    pytest.param("A spokeswoman for Jane Doe did not immediately respond to a request for comment.",
                 dict(speaker="A spokeswoman for Jane Doe", speaker_type="anonymous", role="spokeswoman",
                      affiliation="Jane Doe"), id="a-spokeswoman-for-a-name-is-not-the-name"),
    pytest.param("Jane Doe said Monday he had not decided.",
                 dict(kind="indirect", speaker="Jane Doe", content="he had not decided"), id="a-day-right-after-the-cue"),
    pytest.param('"I am scared," said a woman who gave only her first name, Maria.',
                 dict(kind="direct", speaker_mention="a woman", speaker_type="anonymous"),
                 id="an-inverted-subject-ends-at-its-relative-clause"),
    pytest.param('"I am scared," one woman, who asked not to be named, said.',
                 dict(kind="direct", speaker_mention="one woman", cue="said"), id="asking-for-anonymity-is-no-speech"),
    pytest.param('Jane Doe put it bluntly: "We lost."',
                 dict(kind="direct", speaker="Jane Doe", cue="put it", content='"We lost."'), id="put-it-without-as"),
    pytest.param("Jane Doe, however, said the plan would fail.", dict(speaker="Jane Doe", role=None),
                 id="an-adverb-between-commas-is-no-role"),
    pytest.param("Still, Jane Doe said, the plan could work.",
                 dict(kind="indirect", speaker="Jane Doe", content="the plan could work"),
                 id="a-parenthetical-after-a-connective"),
    pytest.param("Jane Doe was quoted as saying the plan would fail.",
                 dict(kind="indirect", speaker="Jane Doe", content="the plan would fail"), id="quoted-as-saying"),
    pytest.param("Reuters quoted a senior official as saying the talks had stalled.",
                 dict(kind="indirect", speaker_mention="a senior official", content="the talks had stalled"),
                 id="quoted-someone-as-saying"),
    pytest.param("Jane Doe is promising to help mining towns.",
                 dict(kind="indirect", speaker="Jane Doe", content="to help mining towns"), id="a-progressive-is-no-passive"),
    pytest.param("These employees, Stumpf explained in the hearing, were paid well.",
                 dict(kind="indirect", speaker="Stumpf", speaker_mention="Stumpf", role=None),
                 id="a-plural-before-a-name-is-no-title"),
    pytest.param("He’s claiming that voting fraud is “a big, big problem in this country.”",
                 dict(kind="partial", speaker_mention="He", cue="claiming",
                      content="that voting fraud is “a big, big problem in this country.”"),
                 id="a-pronouns-contracted-auxiliary"),
    pytest.param("They're arguing that the plan is a disaster for workers.",
                 dict(kind="indirect", speaker_mention="They", content="that the plan is a disaster for workers"),
                 id="a-contracted-are-before-a-progressive"),
    pytest.param("The plan has its critics, with Jane Doe — who’s called for higher taxes on the rich — leading them.",
                 dict(kind="indirect", speaker="Jane Doe", content="higher taxes on the rich"),
                 id="who-after-a-dash-stands-for-the-name-before-it"),
    pytest.param('In an interview on CBS\'s "Face the Nation," Jane Doe said the plan was "a disaster."',
                 dict(kind="partial", speaker="Jane Doe", content='the plan was "a disaster."'),
                 id="a-shows-name-before-the-speaker-is-not-content"),
    pytest.param('"We will not back down," Jane Doe said on CNN\'s "State of the Union."',
                 dict(kind="direct", speaker="Jane Doe", content='"We will not back down,"'),
                 id="a-shows-name-after-the-tag-is-not-the-quote-going-on"),
    pytest.param("Jane Doe tells MSNBC’s “Morning Joe” on Friday that “nobody knows” who did it.",
                 dict(kind="partial", speaker="Jane Doe", content="that “nobody knows” who did it"),
                 id="a-shows-name-in-the-addressee"),
    pytest.param('The minister said the message was clear: "We will not back down."',
                 dict(kind="partial", content='the message was clear: "We will not back down."'),
                 id="a-clause-before-a-colon-and-its-quote-is-content"),
    pytest.param('Jane Doe said on Monday: "We will not back down."',
                 dict(kind="direct", content='"We will not back down."'), id="an-adverbial-before-a-colon-is-not"),
    pytest.param('The plan is "dead on arrival," as one senator said.',
                 dict(kind="partial", speaker="one senator", content='The plan is "dead on arrival,"'),
                 id="as-one-senator-said-after-the-content"),
    pytest.param("The plan is dead, as Jane Doe noted on Monday.",
                 dict(kind="indirect", speaker="Jane Doe", content="The plan is dead"), id="as-x-noted-after-a-comma"),
    pytest.param("Rep. Jim Jordan, R-Ohio, said the inquiry was “a sham.”",
                 dict(speaker="Jim Jordan", role="Representative"), id="a-party-and-state-tag-is-no-speaker"),
    pytest.param("“It is not over,” Prof. Ruth Klein of Columbia University said.",
                 dict(speaker="Ruth Klein", speaker_type="person", role="Professor", affiliation="Columbia University"),
                 id="a-name-of-an-organisation"),
    pytest.param("Jane Doe of Dayton said the plan would fail.", dict(speaker="Jane Doe", affiliation=None),
                 id="a-home-town-is-no-affiliation"),
    pytest.param("A spokesperson for the Department of Health said the agency was reviewing the data.",
                 dict(speaker_type="anonymous", role="spokesperson", affiliation="Department of Health"),
                 id="a-spokesperson-for-the-organisation"),
    pytest.param("Advisers to Mr. Obama said he was frustrated.",
                 dict(speaker_type="anonymous", role="Advisers", affiliation="Obama"), id="advisers-to-a-titled-name"),
    pytest.param("The ambassador to Kabul said the embassy would reopen.",
                 dict(speaker_type="person", role="ambassador to Kabul"), id="the-ambassador-to-a-capital"),
    pytest.param("An aide to the senator said talks continued.",
                 dict(speaker_mention="An aide to the senator", speaker_type="anonymous", content="talks continued"),
                 id="an-aide-to-a-role"),
    pytest.param("Human Rights Watch said in a report released Tuesday that the abuses were systematic.",
                 dict(kind="indirect", speaker="Human Rights Watch", content="that the abuses were systematic"),
                 id="a-cue-noun-in-the-adverbial"),
    pytest.param("“I was terrified,” recalled Maria, who asked that her last name not be used.",
                 dict(kind="direct", speaker="Maria", cue="recalled"), id="asking-that-a-name-not-be-used"),
    pytest.param("“Nobody expected this,” a senior diplomat said, speaking on condition of anonymity because he was "
                 "not authorized to discuss the talks.", dict(kind="direct", speaker_mention="a senior diplomat"),
                 id="speaking-on-condition-of-anonymity-is-no-speech"),
    pytest.param("“We were never told,” said Tom Baker, 62, a retired machinist.",
                 dict(speaker="Tom Baker", role="retired machinist"), id="an-age-before-the-appositive"),
    pytest.param("He was accused of lying about the number of refugees.",
                 dict(kind="indirect", speaker=None, speaker_type="unattributed", cue="accused",
                      content="of lying about the number of refugees"), id="a-passive-accusation-is-not-the-subjects"),
    pytest.param("It was announced on Monday that the talks would resume.",
                 dict(speaker=None, speaker_type="unattributed", content="that the talks would resume"),
                 id="it-was-announced-names-no-one"),
    pytest.param("The minister was criticised for saying the border was closed.",
                 dict(speaker="minister", cue="saying", content="the border was closed"),
                 id="criticised-for-saying-the-participle-speaks"),
    pytest.param("The plan was described as “a betrayal” by opposition leaders.",
                 dict(kind="direct", speaker="opposition leaders", content="“a betrayal”"),
                 id="a-passive-with-its-agent-after"),
    pytest.param("Hillary Clinton, who’s called for higher taxes on the rich, spoke on Monday.",
                 dict(speaker="Hillary Clinton", content="higher taxes on the rich"),
                 id="who-s-called-is-has-called-not-a-passive"),
    pytest.param("After warning that the ceasefire could collapse, the envoy left Kabul.",
                 dict(speaker_mention="the envoy", cue="warning", content="that the ceasefire could collapse"),
                 id="an-opening-after-participle-names-the-main-subject"),
    pytest.param("By claiming the election was stolen, the candidate has alienated moderate voters.",
                 dict(speaker_mention="the candidate", content="the election was stolen"),
                 id="an-opening-by-participle"),
    pytest.param("The mayor angered residents by saying the plan was “dead on arrival.”",
                 dict(kind="partial", speaker_mention="The mayor", content="the plan was “dead on arrival.”"),
                 id="a-past-tense-after-the-subject-is-its-verb"),
    pytest.param("The senator was criticised for his claim that the vote was rigged.",
                 dict(speaker="senator", cue="claim", content="that the vote was rigged"),
                 id="criticised-for-his-claim-is-the-subjects-claim"),
    pytest.param("Bornstein’s earlier letter said Trump was healthy.",
                 dict(speaker="Bornstein", speaker_type="person", speaker_mention="Bornstein"),
                 id="a-persons-letter-speaks-for-the-person"),
    pytest.param("Hillary Clinton spoke first. In her book, Living History, she wrote that the clot was minor.",
                 dict(speaker="Hillary Clinton", speaker_mention="she"), id="a-books-title-is-no-person"),
    pytest.param("“People are terrified,” said a doctor in Khost, who did not want to be named.",
                 dict(kind="direct", speaker_mention="a doctor"), id="not-wanting-to-be-named-is-no-speech"),
    pytest.param("According to the state news agency, the talks will resume in Doha.",
                 dict(speaker_mention="the state news agency", content="the talks will resume in Doha"),
                 id="a-cue-word-after-the-in-according-to"),
    pytest.param("Guterres, through his spokesman Stephane Dujarric, called for an immediate ceasefire.",
                 dict(speaker="Guterres", role=None), id="a-prepositional-aside-is-no-role"),
    pytest.param("Iran’s foreign minister, Abbas Araghchi, offered to mediate between the two sides.",
                 dict(speaker="Abbas Araghchi", cue="offered", content="to mediate between the two sides"),
                 id="offered-to"),
    pytest.param("The European Union’s foreign policy chief, Kaja Kallas, said the bloc was worried.",
                 dict(speaker="Kaja Kallas", affiliation="European Union"), id="a-two-word-owner-of-the-role"),
    pytest.param("“The situation is fluid,” one Western diplomat said on condition of anonymity.",
                 dict(kind="direct", speaker_mention="one Western diplomat", speaker_type="anonymous", affiliation=None),
                 id="said-on-condition-of-anonymity-is-speech"),
    pytest.param("Pakistan’s Ministry of Information issued a list. “No comment,” said a spokesman for the ministry.",
                 dict(speaker_type="anonymous", role="spokesman", affiliation="Pakistan’s Ministry of Information"),
                 id="a-spokesman-for-the-body-named-before"),
    pytest.param("Apple’s chief executive, Tim Cook, told analysts on a conference call that demand remained strong.",
                 dict(speaker="Tim Cook", content="that demand remained strong"), id="a-cue-noun-ending-the-adverbial"),
    pytest.param("Scientists at the University of Oxford said the vaccine worked.",
                 dict(speaker_type="anonymous", affiliation="University of Oxford"), id="a-body-of-a-place"),
    pytest.param("A spokesman for the Ministry of Foreign Affairs said talks continued.",
                 dict(speaker_type="anonymous", role="spokesman", affiliation="Ministry of Foreign Affairs"),
                 id="a-spokesman-for-a-ministry-of-something"),
    pytest.param("Witnesses told police the gunman fired at least 20 shots.",
                 dict(speaker="Witnesses", content="the gunman fired at least 20 shots"),
                 id="told-an-addressee-a-clause-without-that"),
    pytest.param("“He just kept shooting,” said one witness, who asked that only her first name, Maria, be used.",
                 dict(kind="direct", speaker="one witness"), id="asking-that-only-a-first-name-be-used"),
    pytest.param("He told CNN on Sunday the talks had failed.", dict(content="the talks had failed", cue="told"),
                 id="told-someone-on-a-day-a-clause"),
    pytest.param("Jane Doe said on Monday the deal was dead.", dict(speaker="Jane Doe", content="the deal was dead"),
                 id="said-on-a-day-a-clause"),
    pytest.param("A statement from the Foreign Office said Britain was concerned.",
                 dict(speaker="Foreign Office", speaker_type="organisation"), id="a-statement-from-a-body"),
    pytest.param("Mr. Biden, who spoke by phone with Mr. Netanyahu on Sunday, reiterated his support for Israel.",
                 dict(speaker="Biden", affiliation=None), id="a-person-met-is-no-affiliation"),
    pytest.param("It is believed that the militants crossed from Afghanistan.",
                 dict(speaker=None, speaker_type="unattributed", content="that the militants crossed from Afghanistan"),
                 id="it-is-believed-names-no-believer"),
    pytest.param("He was worried that the talks would collapse.",
                 dict(speaker_mention="He", cue="worried"), id="a-state-in-the-passive-form-is-the-subjects"),
    pytest.param("The talks were described by one diplomat as “the last chance for peace.”",
                 dict(kind="direct", speaker="one diplomat", content="“the last chance for peace.”"),
                 id="a-passive-with-its-agent-first"),
    pytest.param("The mayor — who has faced criticism for months — said he would not seek another term.",
                 dict(speaker="mayor", content="he would not seek another term"), id="a-relative-clause-between-dashes"),
    pytest.param("Jane Roe -- the group's director -- said the talks would resume.",
                 dict(speaker="Jane Roe", role="group's director", content="the talks would resume"),
                 id="an-appositive-between-typed-dashes"),
    pytest.param("“We will win,” said Jane Roe — the group’s director — on Monday.",
                 dict(kind="direct", speaker="Jane Roe", role="group’s director"), id="said-a-name-then-a-dash-aside"),
    pytest.param("The deal is dead — and nobody can revive it — the minister said.",
                 dict(speaker="minister", content="The deal is dead — and nobody can revive it"),
                 id="an-aside-inside-the-content-before-the-speaker"),
    pytest.param("Farmers have expressed concern that the new tariffs could wipe out their markets.",
                 dict(speaker="Farmers", cue="expressed concern", content="that the new tariffs could wipe out "
                      "their markets"), id="expressed-a-stance-that"),
    pytest.param("Guterres expressed grave concern over the escalation of violence along the border.",
                 dict(speaker="Guterres", cue="expressed grave concern",
                      content="the escalation of violence along the border"), id="expressed-a-stance-over-a-topic"),
    pytest.param("The minister met his counterpart, voicing support for the peace plan.",
                 dict(speaker="minister", cue="voicing support", content="the peace plan"),
                 id="a-stance-in-a-participle"),
    pytest.param("The senator complained about the ruling, even suggesting the judges had been pressured.",
                 dict(speaker="senator", cue="suggesting", content="the judges had been pressured"),
                 id="an-adverb-between-the-comma-and-the-participle"),
    pytest.param("Despite Trump's claim that he would win, the polls showed him behind.",
                 dict(speaker="Trump", cue="claim", content="that he would win"), id="a-noun-cue-in-an-opening-adverbial"),
    pytest.param("His ex-wife agreed, but also contended that she should not have to testify.",
                 dict(speaker_mention="His ex-wife", cue="contended", content="that she should not have to testify"),
                 id="agreed-then-but-contended"),
    pytest.param("The ministry released a statement that said the border would remain closed.",
                 dict(speaker="Ministry", cue="said", content="the border would remain closed"),
                 id="a-statement-that-said"),
    pytest.param("He was quoted by Reuters as saying that the plant would close.",
                 dict(speaker_mention="He", cue="saying", content="that the plant would close"),
                 id="quoted-by-an-outlet-as-saying"),
    pytest.param("“It is time for diplomacy,” said Michael Kugelman, director of the South Asia Institute at the "
                 "Wilson Center.", dict(speaker="Michael Kugelman", role="director of the South Asia Institute at "
                                        "the Wilson Center", affiliation="Wilson Center"),
                 id="said-a-name-and-a-role-without-an-article"),
    pytest.param("The Inter-Services Public Relations said in a statement that five soldiers had been killed.",
                 dict(speaker="Inter-Services Public Relations", speaker_type="organisation", role=None),
                 id="a-body-whose-name-ends-in-relations"),
    pytest.param("The Rev. Al Sharpton said the verdict was unjust.",
                 dict(speaker="Al Sharpton", role="Reverend", affiliation=None), id="a-title-is-no-affiliation"),
    pytest.param("President Biden, asked by reporters whether he would veto the bill, said: “Watch me.”",
                 dict(kind="direct", speaker="Biden", content="“Watch me.”"), id="a-participle-aside-with-whether"),
    pytest.param("Several lawmakers, including Sen. Jane Doe, called for an investigation.",
                 dict(speaker="Several lawmakers", content="an investigation"), id="including-a-name-is-an-aside"),
    pytest.param("She pointed out that the law had changed.", dict(cue="pointed", content="that the law had changed"),
                 id="pointed-out-that"),
    pytest.param("Hawaii, as one of the climate advisers pointed out, rarely gets two hurricanes at once.",
                 dict(speaker="one of the climate advisers", content="Hawaii, as one of the climate advisers pointed "
                      "out, rarely gets two hurricanes at once"), id="an-as-parenthetical-inside-the-content"),
    pytest.param("As one analyst pointed out with a telling chart, the gap between the two is vast.",
                 dict(speaker="one analyst", content="the gap between the two is vast"),
                 id="as-someone-said-with-an-adverbial"),
    pytest.param("As many tax experts have pointed out, Mr. Trump is free to disclose his returns.",
                 dict(speaker="many tax experts", content="Mr. Trump is free to disclose his returns"),
                 id="as-many-experts-have-said"),
    pytest.param("The report, released by Amnesty International on Monday, says both sides broke the law.",
                 dict(speaker="Amnesty International", speaker_type="organisation",
                      content="both sides broke the law"), id="a-report-released-by-a-body"),
    pytest.param("The report, which was released on Monday, says both sides broke the law.",
                 dict(speaker_mention="The report", content="both sides broke the law"),
                 id="a-report-released-by-nobody-named"),
    pytest.param("Microsoft said in a blog post on Tuesday that it had fixed the flaw.",
                 dict(speaker="Microsoft", content="that it had fixed the flaw"), id="said-in-a-blog-post-on-a-day-that"),
    pytest.param("The Federal Reserve held interest rates steady, signaling that cuts could come later this year.",
                 dict(speaker="Federal Reserve", speaker_type="organisation", cue="signaling",
                      content="that cuts could come later this year"), id="signaling-that-is-the-subjects"),
    pytest.param("Last year, several environmental groups granted Mr. Clarke an extension, saying his “start-up "
                 "capital was less than expected.”", dict(speaker="several environmental groups", cue="saying"),
                 id="a-plural-body-noun-as-the-sentence-subject"),
    pytest.param("Human rights groups warned that the administration was giving up leverage.",
                 dict(speaker="Human rights groups", speaker_type="anonymous"), id="bodies-described-not-named"),
    pytest.param("Regulators and environmental groups worried that the deal would collapse.",
                 dict(speaker="Regulators and environmental groups"), id="two-kinds-of-speaker-joined-by-and"),
    pytest.param("Prices rose and analysts said the market was overheated.",
                 dict(speaker="analysts", content="the market was overheated"), id="and-after-a-clause-is-no-join"),
    pytest.param("Chastened by the analyses, Trump revised his plan, promising to focus on average Americans.",
                 dict(speaker="Trump", cue="promising"), id="an-opening-participle-phrase-is-no-subject"),
    pytest.param("Having said that, there are some economists who argue that corporate taxes should be low.",
                 dict(speaker="some economists", cue="argue", content="that corporate taxes should be low"),
                 id="having-said-that-and-there-are"),
    pytest.param("Nearly eight of 10 voters say they plan to tune in.",
                 dict(speaker="Nearly eight of 10 voters", content="they plan to tune in"), id="a-number-of-people"),
    pytest.param("The vote went ahead despite repeated warnings from his attorney that the showdown was fruitless.",
                 dict(speaker="his attorney", cue="warnings", content="that the showdown was fruitless"),
                 id="a-noun-cue-from-someone-that"),
    pytest.param("Despite assurances from Kabul that the border was secure, attacks continued.",
                 dict(speaker="Kabul", content="that the border was secure"), id="a-noun-cue-in-an-opening-adverbial-by"),
    pytest.param("John Dickey, the chief executive of Ora Media -- the company that owns Mr. King's show -- told me, "
                 "“We're a content provider.”", dict(kind="direct", speaker="John Dickey", affiliation="Ora Media"),
                 id="a-name-its-appositive-and-a-dash-aside"),
    pytest.param("As Ms. Simonyan put it in a statement to my colleague in July, RT is “providing a perspective.”",
                 dict(speaker="Simonyan", content="RT is “providing a perspective.”"), id="as-someone-put-it-somewhere"),
    pytest.param("The video shows him walking away, contradicting Tulsa police’s earlier claim that he had refused "
                 "to stop.", dict(speaker="Tulsa police", cue="claim", content="that he had refused to stop"),
                 id="a-noun-cue-past-a-modifier"),
    pytest.param("Protesters chanted “No justice, no peace” as they marched toward city hall.",
                 dict(kind="direct", content="“No justice, no peace”"), id="a-quote-then-a-subordinate-clause"),
    pytest.param("Local media reported that at least five people had been killed.",
                 dict(speaker="Local media", speaker_type="publication"), id="local-media"),
    pytest.param("Iranian state media reported that the strike hit a school.",
                 dict(speaker="Iranian state media", speaker_type="publication", affiliation="Iran"),
                 id="state-media"),
    pytest.param("“We are not out of the woods yet,” WHO Director-General Tedros Adhanom Ghebreyesus told reporters.",
                 dict(kind="direct", speaker="Tedros Adhanom Ghebreyesus", role="WHO Director-General"),
                 id="the-acronym-WHO-is-no-relative-pronoun"),
    pytest.param("Economists polled by Reuters expect the central bank to raise rates again.",
                 dict(speaker="Economists polled by Reuters", speaker_type="anonymous", affiliation=None),
                 id="people-polled-by-an-agency"),
    pytest.param("Mr. Lee, whose company supplies the army, declined to comment.",
                 dict(speaker="Lee", content="to comment"), id="a-whose-clause-between-commas"),
])
def test_golden(text, expect):
    one(text, **expect)


@pytest.mark.parametrize("text", [
    pytest.param("The border could be controlled by neither ‘Changez’ nor ‘Angrez’.", id="scare-quotes"),
    pytest.param("Pakistan’s forces don’t retreat; the soldiers’ morale is high.", id="apostrophes"),
    pytest.param("The so-called “peace deal” was signed in Doha.", id="scare-quote-phrase"),
    pytest.param("The weather was cold and the roads were closed.", id="no-speech"),
    pytest.param("", id="empty"),
    pytest.param("In Avoiding Tax, Trump Is Merely a Small ‘Fry’ Among Giants.", id="headline-without-cue"),
    pytest.param("Ratings moved in what analysts at the Cook Political Report Warns of as “a big shift.”",
                 id="capitalised-cue-in-a-sentence-is-a-name"),
    pytest.param("Donald Trump’s claim that the war was “over” angered many.", id="noun-cue-as-sentence-subject"),
    pytest.param("Markets rallied after Monday’s statement that the war was “over” in the east.",
                 id="noun-cue-owned-by-a-day"),
    pytest.param("He read the statement aloud to the crowd before he left.", id="read-without-a-quote"),
    pytest.param("Calling for calm, Jane Doe walked out of the room.", id="opening-participle-not-speech"),
    pytest.param("She used the car to get to the “safe house” on time.", id="use-without-the-phrase"),
    pytest.param("She took the train to the “safe house” to rest.", id="took-without-a-cue"),
    pytest.param("The spot, titled “Arrogant,” features a New York Times report from the weekend.",
                 id="a-name-before-report-makes-it-a-noun"),
    pytest.param("The senator waved a Reuters report that appeared on Sunday.", id="report-with-a-relative-clause"),
    pytest.param("Afghan forces have occasionally responded with artillery along contested sectors.",
                 id="a-military-response"),
    pytest.param("The army responded to the attack with artillery.", id="responded-to-an-attack"),
    pytest.param("The four loopholes he cited are hard to close.", id="a-cue-in-the-subjects-relative-clause"),
    pytest.param("Jane Doe is expected to announce her decision on Friday.", id="passive-hearsay-has-no-speaker"),
    pytest.param("Jane Doe is said to be ill.", id="said-to-be"),
    pytest.param("Centrist Democrats have long held dreams of a “Grand Bargain” on taxes.", id="held-without-that"),
    pytest.param("Averages show her ahead 3 points, HuffPollster 4.3 points, and FiveThirtyEight 2.9 points.",
                 id="a-number-is-no-time"),
    pytest.param("He was told that the deal was dead.", id="told-in-the-passive-names-the-listener"),
    pytest.param("I’m told the deal is dead.", id="told-in-the-passive-after-a-contraction"),
    pytest.param("The decision was welcomed in Kabul on Friday.", id="a-passive-with-only-a-place-after"),
    pytest.param("After speaking to reporters, Jane Doe left.", id="an-opening-participle-with-only-whom"),
    pytest.param("The company offered a reward for information.", id="offered-without-to"),
    pytest.param("She told the crowd a story about her father.", id="told-someone-a-noun-phrase"),
    pytest.param("The proposal was welcomed by both sides.", id="a-passive-with-only-its-agent"),
    pytest.param("Mr. Quiros has not been charged with any crime.", id="charged-with-is-an-indictment"),
    pytest.param("Officials were warned the dam would fail.", id="warned-in-the-passive"),
    pytest.param("The tax plan drew fire from the left.", id="a-noun-that-could-be-an-intention-verb"),
    pytest.param("Jane Doe will appear on this week’s episode of “The Late Show With Stephen Colbert.”",
                 id="a-shows-name-is-no-quote"),
    pytest.param("His claim that the economy was booming angered many.", id="a-pronouns-claim-as-the-subject"),
    pytest.param("The ad that claimed the senator was corrupt has been pulled.", id="a-message-that-said-as-subject"),
    pytest.param("Claims by officials that the dam was safe proved false.", id="a-noun-cue-by-someone-as-subject"),
    pytest.param("They would lay to rest the most basic question: How much do you pay in taxes?",
                 id="an-adjective-before-a-noun-like-cue"),
    pytest.param("A simple question elicits a methodical treatise about why the other side must be wrong.",
                 id="a-noun-like-cue-after-its-adjective"),
    pytest.param("Republicans in Congress will continue their legislative attacks.", id="continue-a-noun-phrase"),
    pytest.param("After the 9/11 attacks, the president struck back decisively.", id="attacks-after-a-number"),
    pytest.param("He voiced the character in the film.", id="voiced-without-a-stance"),
    pytest.param("She expressed her feelings in a poem.", id="expressed-without-a-stance"),
    pytest.param("The minister expressed concern.", id="a-stance-without-its-content"),
])
def test_nothing_to_extract(text):
    assert extract(text) == []


def test_several_speakers_and_a_participle_cue():
    quotes = extract("Saudi Arabia and Qatar have urged restraint, calling for dialogue to “maintain the peace.”")
    assert [(q.speaker, q.speaker_type, q.cue, q.kind) for q in quotes] == [
        ("Saudi Arabia and Qatar", "organisation", "urged", "indirect"),
        ("Saudi Arabia and Qatar", "organisation", "calling", "partial"),
    ]
    assert quotes[0].text == "restraint"


def test_split_quote_is_one_attribution():
    text = '"We are ready," he said, "and we will not wait."'
    q = one("John Doe spoke.\n" + text, speaker="John Doe", speaker_mention="he", kind="direct")
    assert len(q.spans) == 2
    assert q.text == '"We are ready," "and we will not wait."'


def test_pronoun_resolves_to_most_recent_person():
    text = ("Zabihullah Mujahid confirmed the operations. Mujahid said more would follow.\n"
            "Wahidullah Mohammadi, a spokesman for the military, offered a contrasting view. "
            'He stated that there had been "no casualties" on the Afghan side.')
    quotes = extract(text)
    q = next(q for q in quotes if "no casualties" in q.text)
    assert (q.speaker, q.speaker_mention, q.kind) == ("Wahidullah Mohammadi", "He", "partial")
    surname = next(q for q in quotes if q.speaker_mention == "Mujahid")
    assert surname.speaker == "Zabihullah Mujahid"


@pytest.mark.parametrize("text, speakers", [
    pytest.param("Talks resume.\n\nJohn Smith and Jane Doe met on Tuesday.\n\n“It was productive,” she said.\n\n"
                 "“I agree,” he said.", ["Jane Doe", "John Smith"], id="first-names"),
    pytest.param("Talks resume.\n\nHillary Clinton spoke after Donald Trump.\n\n“He is unfit,” she said.",
                 ["Hillary Clinton"], id="she-skips-the-man-named-last"),
    pytest.param("Talks resume.\n\nMs. Doe met Mr. Smith on Tuesday.\n\n“It was productive,” she said.", ["Doe"],
                 id="honorifics"),
    pytest.param("Talks resume.\n\nMayor Pat Doe met Pat Smith, a local spokeswoman, on Tuesday.\n\n"
                 "“It was productive,” he said.", ["Pat Doe"], id="a-gendered-role"),
    pytest.param("Talks resume.\n\nChris Doe met Pat Smith on Tuesday.\n\n“It was productive,” she said.",
                 ["Pat Smith"], id="an-unknown-gender-fits-either"),
])
def test_pronouns_resolve_to_a_person_of_their_gender(text, speakers):
    assert [q.speaker for q in extract(text)] == speakers


def test_no_first_name_is_on_both_gender_lists():
    from search.gender import FEMALE_NAMES, MALE_NAMES
    assert not FEMALE_NAMES & MALE_NAMES  # a name on both would tell nothing


def test_follow_on_paragraph_belongs_to_previous_speaker():
    text = ("“We will respond,” Jane Doe said. “We are ready.”\n"
            "“Our patience has run out and we will act soon.”")
    quotes = extract(text)
    assert [q.speaker for q in quotes] == ["Jane Doe", "Jane Doe"]
    assert quotes[1].confidence < quotes[0].confidence


def test_a_quote_after_a_paragraph_ending_in_its_tag_continues_it():
    # `“A,” he said.` / `“B.”`: one attribution in two parts, as within a paragraph
    text = ("“We will respond,” Jane Doe said.\n"
            "“Our patience has run out and we will act soon.”")
    q = one(text, speaker="Jane Doe", kind="direct")
    assert q.text == "“We will respond,” “Our patience has run out and we will act soon.”"
    assert len(q.spans) == 2


def test_multi_paragraph_quote_has_no_close_until_the_end():
    text = "Jane Doe said:\n“First paragraph goes on.\n“Second paragraph ends here.”\nAfter."
    marks = quote_marks(text)
    assert len(marks) == 1 and len(marks[0].parts) == 2
    q = one(text, speaker="Jane Doe", kind="direct")
    assert "First" in q.text and "Second" in q.text


def test_registry_joins_aliases_across_articles():
    a = one("Pakistan’s Defense Minister, Haja Muhammad Asif, declared, “Now it is open war.”")
    b = one("Minister of Defense Khawaja Asif declared that Pakistan was in “open war” with Afghanistan.")
    assert a.speaker == b.speaker == "Khawaja Asif"
    assert a.speaker_id == b.speaker_id == "khawaja-asif"
    assert a.speaker_mention == "Haja Muhammad Asif"


def test_offsets_slice_back_to_the_text():
    article, _ = read_file(SEEDS / "004_e9b9af3ed8577d86.txt")
    for q in quotes_of(article):
        for s, e in q.spans or ((q.start, q.end),):
            assert article.text[s:e].strip()
        assert article.text[q.start:q.end].startswith(q.text[:5])
        assert q.context_start <= q.start and q.end <= q.context_start + len(q.context)


# --- the seeds: the attributions users look for first --------------------------------------
def seed_quotes(name):
    article, _ = read_file(next(SEEDS.glob(f"{name}_*.txt")))
    return quotes_of(article)


def test_seed_repeated_body_gives_no_duplicates():
    quotes = seed_quotes("004")
    texts = [q.text for q in quotes]
    assert len(texts) == len(set(texts))
    assert any("no presence of TTP" in t for t in texts)


def test_seed_teasers_and_source_line_are_not_quotes():
    assert not any("Prince Andrew" in q.context or "keep in close touch" in q.text for q in seed_quotes("004"))
    quotes = seed_quotes("003")
    assert not any("DW News" in q.text for q in quotes)
    assert {q.publisher for q in quotes} == {"Escalating conflict between Pakistan and Afghanistan | DW News (YouTube)"}


def test_seed_wahidullah_not_mujahid():
    q = next(q for q in seed_quotes("002") if "no casualties" in q.text)
    assert q.speaker == "Wahidullah Mohammadi" and q.speaker_mention == "He"


def test_seed_muttaqi_pronoun_and_anonymous_sources():
    quotes = seed_quotes("004")
    q = next(q for q in quotes if "no presence of TTP" in q.text)
    assert (q.speaker, q.speaker_mention, q.affiliation) == ("Amir Khan Muttaqi", "he", "Taliban government")
    assert "Changez" in q.text  # the scare quotes stay inside the quote, not extracted on their own
    assert not any(q.text.strip("‘’") in ("Changez", "Angrez") for q in quotes)
    anonymous = [q for q in seed_quotes("003") if q.speaker_type == "anonymous"]
    assert {"One resident", "another Pakistani citizen"} <= {q.speaker for q in anonymous}


def test_seed_guterres_and_asif():
    guterres = next(q for q in seed_quotes("000") if q.speaker == "António Guterres")
    assert guterres.affiliation == "United Nations" and guterres.kind == "indirect"
    asif = [q for name in ("000", "003") for q in seed_quotes(name) if q.speaker == "Khawaja Asif"]
    assert {q.source[:3] for q in asif if "open war" in q.text.lower()} == {"000", "003"}


def test_nested_quotes_stay_inside_their_quote():
    q = one("“He told me ‘never again’ and walked away,” Jane Doe said.", speaker="Jane Doe", kind="direct")
    assert "‘never again’" in q.text


@pytest.mark.parametrize("text, quoted", [
    pytest.param("“I would rather live in what he calls “hell” than in his world.” ― Jane Doe",
                 ["“I would rather live in what he calls “hell” than in his world.”"], id="same-marks-nested"),
    pytest.param("“We are not leaving “this town” and we will stay,” she said. “Never.”",
                 ["“We are not leaving “this town” and we will stay,”", "“Never.”"], id="nested-then-another"),
    pytest.param("“We are not leaving. “This town” is ours.",
                 ["“We are not leaving.", "“This town”"], id="unclosed-then-a-quote"),
])
def test_a_quote_inside_a_quote_with_the_same_marks(text, quoted):
    assert [text[m.start:m.end] for m in quote_marks(text)] == quoted


@pytest.mark.parametrize("text, quoted", [
    pytest.param('Fans of Dwayne "The Rock" Johnson cheered.', [], id="nickname"),
    pytest.param('State Del. Marcia "Cia" Price shouted to the crowd.', [], id="one-word-nickname"),
    pytest.param('He called it "Crooked" Hillary again.', ['"Crooked"'], id="after-a-lower-case-word"),
])
def test_a_nickname_inside_a_name_is_not_a_quote(text, quoted):
    assert [text[m.start:m.end] for m in quote_marks(text)] == quoted


@pytest.mark.parametrize("text, quoted", [
    pytest.param('"It comes across as “too loud” or “too shrill” to people," she said.',
                 ['"It comes across as “too loud” or “too shrill” to people,"'], id="curly-inside-straight"),
    pytest.param('“He said "no" to me twice,” she said.', ['“He said "no" to me twice,”'], id="straight-inside-curly"),
    pytest.param('"Trump walked on, chanting “U-S-A! U-S-A!”', ['"Trump walked on, chanting', '“U-S-A! U-S-A!”'],
                 id="no-outer-close-so-not-nested"),
])
def test_a_quote_in_the_other_marks_inside_an_open_quote(text, quoted):
    assert [text[m.start:m.end] for m in quote_marks(text)] == quoted


def test_a_straight_mark_after_a_word_with_nothing_open_closes_nothing():
    text = 'Oz gave a review of [his] systems" including his heart. The only "medical records" he showed.'
    assert [text[m.start:m.end] for m in quote_marks(text)] == ['"medical records"']


def test_unpaired_straight_quote_ends_with_its_paragraph():
    text = 'Jane Doe said: "We are not leaving this town, whatever they do\nThe next paragraph is plain.'
    q = one(text, speaker="Jane Doe", kind="direct")
    assert q.end <= text.index("\n")


def test_institutional_speaker_resolves_to_the_named_ministry():
    text = ("Pakistan’s Ministry of Information confirmed the engagements on Thursday. "
            "The ministry said the exchanges occurred across several sectors.")
    q = next(q for q in extract(text) if q.speaker_mention == "The ministry")
    assert (q.speaker, q.speaker_type) == ("Pakistan’s Ministry of Information", "organisation")


def test_it_resolves_to_an_organisation_not_a_person():
    text = ("The Foreign Office said the talks had failed. Jane Doe left early. "
            "It added that new talks would start soon.")
    q = next(q for q in extract(text) if q.speaker_mention == "It")
    assert q.speaker == "Foreign Office"


def test_confidence_is_lower_for_guessed_speakers():
    named = one("“We will fight on, whatever it takes,” Jane Doe said.")
    pronoun = [q for q in extract("Jane Doe arrived.\n“We will fight on, whatever it takes,” she said.")][0]
    nobody = one("“We will fight on, whatever it takes to win this.”")
    assert 0 <= nobody.confidence < pronoun.confidence < named.confidence <= 1


def test_quoted_headline_is_not_a_follow_on_quote():
    text = ("Saudi Arabia and Qatar have urged restraint.\n"
            "‘This fight is inside Pakistan’\n"
            "Afghan foreign minister Amir Khan Muttaqi denied the accusations.")
    assert not any("This fight" in q.text for q in extract(text))


def test_transcript_lines_are_their_speakers_quotes():
    text = '"WALLACE: Let us start with the news of the day.\n"PENCE: Well, look, you know.\n'
    assert [(q.speaker, q.text) for q in extract(text)] == [
        ("Wallace", "Let us start with the news of the day."), ("Pence", "Well, look, you know.")]


def test_transcript_line_runs_to_its_paragraph_end_and_names_the_person():
    text = ('Gov. Mike Pence appeared on the show.\n\n'
            '"PENCE: Well, look, she thinks this is an episode of “Shark Tank.” But this is America.\n\n'
            '"It is serious business and we take it seriously.\n\n'
            '"WALLACE: Governor, I want to try to get —.\n')
    quotes = extract(text)
    assert [(q.speaker, q.speaker_type, q.text) for q in quotes] == [
        ("Mike Pence", "person", "Well, look, she thinks this is an episode of “Shark Tank.” But this is America."),
        ("Mike Pence", "person", '"It is serious business and we take it seriously.'),
        ("Wallace", "person", "Governor, I want to try to get —."),
    ]


def test_quote_marks_inside_words_quote_nothing():
    text = "The “in”word and rock“n”roll, said Jane Doe."
    assert [text[m.start:m.end] for m in quote_marks(text)] == ["“in”"]
    assert [q.text for q in extract("Everyone loves rock“n”roll and nobody said otherwise.")] == []


@pytest.mark.parametrize("text, speaker", [
    pytest.param('"We will win the war," Rep. G.K. Butterfield said.', "G.K. Butterfield", id="initials"),
    pytest.param("Not paying taxes makes me smart, Donald J. Trump said last week.", "Donald J. Trump",
                 id="middle-initial"),
    pytest.param("“We fought for the nation,” Johnnie Wilson, of Springfield, Va., said.", "Johnnie Wilson",
                 id="place-appositives"),
])
def test_names_with_initials_and_place_appositives(text, speaker):
    one(text, speaker=speaker)


def test_labels_before_a_colon_are_not_speakers():
    assert extract("Correction: An earlier version of this article misdated the “War On Drugs” era.") == []


@pytest.mark.parametrize("text, content", [
    pytest.param("The top 1 percent would gain the most, according to the Tax Foundation, more than twice "
                 "what others would get.", "The top 1 percent would gain the most", id="according-mid-sentence"),
    pytest.param("His aides say it's too early to discuss a Senate run but noted that he won.",
                 "it's too early to discuss a Senate run", id="but-ends-the-clause"),
    pytest.param("Experts on North Korea and nuclear nonproliferation said the latest test could change that.",
                 "the latest test could change that", id="head-before-preposition"),
    pytest.param("Trump is promising lower taxes and “jobs, jobs, jobs,” but he has also intensified his attacks.",
                 "lower taxes and “jobs, jobs, jobs,”", id="comma-but-ends-the-clause"),
    pytest.param("The nominee has wondered whether the moderators will be “fair” to him, engaging in what "
                 "analysts called old tactics.", "whether the moderators will be “fair” to him",
                 id="comma-participle-ends-the-clause"),
    pytest.param('Peabody said, "Patriot was highly successful a decade ago," adding that its value quadrupled.',
                 '"Patriot was highly successful a decade ago,"', id="comma-inside-quote-then-participle"),
    pytest.param('Even China said it was "resolutely opposed" to the test and warned Pyongyang to refrain from '
                 'further actions.', 'it was "resolutely opposed" to the test', id="and-second-cue"),
    pytest.param("She urged the crowd to welcome the governor — “my new best friend.”",
                 "the crowd to welcome the governor — “my new best friend.”", id="dash-before-a-quote"),
    pytest.param("Voters said they favored Clinton to win the debate -- 44 percent to 34 percent.",
                 "they favored Clinton to win the debate", id="typed-double-hyphen-is-a-dash"),
    pytest.param("Police said they were searching for another man - a suspect with a warrant.",
                 "they were searching for another man - a suspect with a warrant", id="a-lone-hyphen-joins"),
    pytest.param("The governor said -- and he meant it -- that the plan would fail.", "that the plan would fail",
                 id="aside-between-dashes-after-the-cue"),
    pytest.param("The governor said — and he meant it — the plan would fail.", "the plan would fail",
                 id="aside-between-em-dashes-after-the-cue"),
    pytest.param("Sanders told MSNBC's “Morning Joe” that nobody would question her intelligence.",
                 "that nobody would question her intelligence", id="a-show-in-the-addressee"),
    pytest.param("Pence said on CNN's “State of the Union” that the plan would fail.", "that the plan would fail",
                 id="a-show-in-the-adverbial"),
    pytest.param("Pence told reporters “we will win” that day.", "“we will win” that day",
                 id="a-quote-is-no-show-name"),
    pytest.param('Jane Doe likened the rules to "burning the Constitution" - a charge that stung.',
                 'the rules to "burning the Constitution"', id="a-lone-hyphen-after-a-quote-ends"),
    pytest.param("The deal, he said, is dead.", "The deal, he said, is dead", id="parenthetical-pronoun"),
    pytest.param("The rules, Jane Doe said on Tuesday, were unfair.", "The rules, Jane Doe said on Tuesday, were unfair",
                 id="parenthetical-with-an-adverbial"),
    pytest.param("These employees, Stumpf explained in the hearing, were paid well.",
                 "These employees, Stumpf explained in the hearing, were paid well", id="parenthetical-plural-no-title"),
    pytest.param("Pence led the debate chatter, Twitter announced, gaining 22,000 followers.",
                 "Pence led the debate chatter, Twitter announced", id="a-tag-before-a-participle"),
    pytest.param("It would take weeks to convene the party, he said, and the wrangling could be paralyzing.",
                 "It would take weeks to convene the party", id="a-tag-before-and"),
    pytest.param("Mr. King differs from Mr. Schultz, who works for RT and, Mr. King said, has seemed supportive.",
                 "has seemed supportive", id="a-parenthetical-after-and"),
    pytest.param("Jane Doe said the city would fund several projects, including a new bridge and two schools.",
                 "the city would fund several projects, including a new bridge and two schools",
                 id="including-carries-on-the-noun-phrase"),
    pytest.param("Jane Doe said he would veto the bill, implicitly daring Congress to override him.",
                 "he would veto the bill", id="an-adverb-before-the-writers-participle"),
    pytest.param("Analysts warn that the conflict could isolate the government, potentially leading to sanctions.",
                 "that the conflict could isolate the government, potentially leading to sanctions",
                 id="a-hedged-participle-is-the-speakers-forecast"),
])
def test_reported_clause_boundaries(text, content):
    assert extract(text)[0].text == content


def test_family_is_a_noun_not_an_adverb():
    q = one("The family said the decision was “deeply unfair.”", content="the decision was “deeply unfair.”")
    assert q.speaker == "family"


def test_they_is_not_a_singular_description():
    quotes = extract("A new report said the city was “falling apart.” “We will fix it,” they said.")
    assert quotes[1].text == "“We will fix it,”" and quotes[1].speaker is None


def test_publications_named_the_new_yorker():
    assert one("“The party is in deep trouble,” wrote The New Yorker.").speaker_type == "publication"


def test_participle_after_a_comma_inside_a_quote_is_its_own_attribution():
    text = "Jane Doe said the talks had “failed completely,” adding that Pakistan was to blame."
    quotes = extract(text)
    assert [(q.text, q.cue, q.speaker) for q in quotes] == [
        ("the talks had “failed completely,”", "said", "Jane Doe"),
        ("that Pakistan was to blame", "adding", "Jane Doe")]


def test_he_after_a_later_bare_surname_is_that_person():
    text = ("Khawaja Asif and Zabihullah Mujahid traded barbs. Mujahid said the strikes were illegal. "
            "Asif was blunt. “Our patience has run out,” he told the National Assembly.")
    last = extract(text)[-1]
    assert (last.speaker, last.speaker_mention) == ("Khawaja Asif", "he")


def test_she_after_one_anonymous_person_is_that_person():
    text = "Jane Doe said the plan failed. One resident said the shelling began at dawn. “We ran,” she added."
    last = extract(text)[-1]
    assert (last.speaker, last.speaker_type) == ("One resident", "anonymous")


def test_he_after_officials_is_not_one_of_them():
    text = "Jane Doe said the plan failed. Officials said the talks failed. “We tried,” he said."
    assert extract(text)[-1].speaker != "Officials"


def test_a_gloss_after_a_quote_is_the_writers():
    one("Asif called the situation “open war,” underscoring the seriousness of the crisis.",
        speaker="Asif", content="the situation “open war,”")


def test_including_after_a_comma_inside_a_quote_carries_on():
    one("She said the plan would cover “every single district,” including Kabul.",
        content="the plan would cover “every single district,” including Kabul")


def test_coordinated_cue_after_a_quote_inherits_the_subject():
    quotes = extract('Cruz exhorted Republicans to "vote your conscience" and said he was standing on principle.')
    assert [(q.speaker, q.cue, q.text) for q in quotes] == [
        ("Cruz", "exhorted", 'Republicans to "vote your conscience"'),
        ("Cruz", "said", "he was standing on principle"),
    ]


def test_that_clause_with_a_quote_in_it_is_partial_not_direct():
    q = one("His doctor wrote that Trump would be “the healthiest individual ever elected to the presidency.”")
    assert (q.kind, q.text) == ("partial",
                                "that Trump would be “the healthiest individual ever elected to the presidency.”")


def test_possessive_noun_cue_gives_the_owner_as_speaker():
    one("Politifact checked Donald Trump’s claim that there were “thousands of shootings” in Chicago.",
        speaker="Donald Trump", cue="claim", content="that there were “thousands of shootings” in Chicago")


def test_sentence_ending_in_a_colon_introduces_the_next_paragraphs_quote():
    text = ("Jane Doe spoke first.\n\n“We will rebuild the bridge,” she said.\n\n"
            "On July 6, Senator Sanders made the following comment:\n\n"
            "“For young people who have dropped out of high school, the rate is 33 percent.”")
    quotes = extract(text)
    assert [(q.speaker, q.cue) for q in quotes] == [("Jane Doe", "said"), ("Sanders", ":")]


def test_a_colon_after_a_non_speaker_introduces_nothing():
    assert [q.speaker for q in extract("Here is the list:\n\n“Bread, milk and eggs for the whole week.”")] == [None]


def test_participle_after_a_name_and_a_sung_quote():
    quotes = extract("“Promise mama you’ll keep your hands in sight,” Blige sings to Clinton before asking her, "
                     "“Where do we go from here?” The ad uses footage of Hillary Clinton asking, “Why aren’t I "
                     "50 points ahead?”")
    assert [(q.speaker, q.cue) for q in quotes] == [("Blige", "sings"), ("Blige", "asking"),
                                                    ("Hillary Clinton", "asking")]


def test_paragraph_ending_in_a_colon_introduces_through_its_last_cue():
    quotes = extract("Jane Doe said she would read the statement aloud. In full:\n\n"
                     "“We are not leaving this town, whatever they do to us.”")
    assert [(q.speaker, q.kind) for q in quotes] == [("Jane Doe", "indirect"), ("Jane Doe", "direct")]


def test_a_transcript_line_ends_the_quote_running_over_paragraphs():
    text = '"PENCE: We will win this race.\n\n"And we will keep winning every day.\n\n"WALLACE: Thank you for joining us.\n'
    assert [(q.speaker, q.text) for q in extract(text)] == [
        ("Pence", 'We will win this race. "And we will keep winning every day.'),
        ("Wallace", "Thank you for joining us."),
    ]


def test_a_second_cue_after_and_and_an_adverb_has_its_own_quote():
    quotes = extract('Jane Doe urges her husband to come out of the car and repeatedly says, "Don\'t you do it," '
                     'until shots are heard.')
    assert [(q.speaker, q.cue, q.kind, q.text) for q in quotes] == [
        ("Jane Doe", "urges", "indirect", "her husband to come out of the car"),
        ("Jane Doe", "says", "direct", '"Don\'t you do it,"'),
    ]


def test_a_quoted_term_then_and_continues_the_clause():
    q = extract('He said "budget reforms" and the collection of unpaid taxes would help finance them.')[0]
    assert q.text == '"budget reforms" and the collection of unpaid taxes would help finance them'


def test_a_quote_before_its_own_cue_is_not_the_earlier_clause():
    quotes = extract("The statement referenced the impact it said she would have on women: “She opened the door "
                     "for all of us,” the union wrote.")
    assert [(q.speaker_mention, q.kind, q.text) for q in quotes] == [
        ("The statement", "indirect", "the impact it said she would have on women"),
        ("the union", "direct", "“She opened the door for all of us,”"),
    ]


def test_a_quote_after_a_participle_clause_is_the_same_speakers():
    quotes = extract("“You can’t talk about change without history,” Jane Doe said, emphasizing why the past "
                     "matters. “What we need to change is our collective thinking about this moment.”")
    assert [(q.speaker, q.kind) for q in quotes] == [("Jane Doe", "direct"), ("Jane Doe", "indirect"),
                                                     ("Jane Doe", "direct")]


def test_a_subordinate_clause_ends_before_the_main_clause():
    quotes = extract("Though Jane Doe called the bank’s behavior “outrageous” and called for pay to be “clawed "
                     "back” for executives, she restricted comments about breaking up big banks.")
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Jane Doe", "the bank’s behavior “outrageous”"),
        ("Jane Doe", "pay to be “clawed back” for executives"),
    ]


def test_an_opening_participle_is_not_the_main_cues_content():
    quotes = extract("Calling the deal “a disaster,” Jane Doe said the plan would fail.")
    assert [(q.cue, q.speaker, q.text) for q in quotes] == [
        ("Calling", "Jane Doe", "the deal “a disaster,”"), ("said", "Jane Doe", "the plan would fail")]


def test_warned_someone_to_do_something_is_the_infinitive():
    quotes = extract("Even China said it was “resolutely opposed” to the test and warned Pyongyang to refrain from "
                     "actions that would worsen the situation.")
    assert [(q.speaker, q.cue, q.text) for q in quotes] == [
        ("China", "said", "it was “resolutely opposed” to the test"),
        ("China", "warned", "to refrain from actions that would worsen the situation"),
    ]


def test_a_capitalised_modifier_is_not_a_person_for_pronouns():
    quotes = extract("Donald Trump spoke at the Kent County Republican headquarters. He called the mayor “a disgrace.”")
    assert [(q.speaker, q.speaker_mention) for q in quotes] == [("Donald Trump", "He")]


@pytest.mark.parametrize("text, quoted", [
    pytest.param("“I would,” Melanie Ross said to the TV. “I would, Donald.”", ["“I would,”", "“I would, Donald.”"],
                 id="short-sentence-after-the-tag"),
    pytest.param("“Who knows the platform?” Jane Doe asked. “Neither do I.”",
                 ["“Who knows the platform?”", "“Neither do I.”"], id="short-answer-after-a-question"),
    pytest.param("“I would,” Melanie Ross said. The crowd cheered “Big Daddy.”", ["“I would,”"],
                 id="short-term-in-the-next-sentence-is-not-hers"),
])
def test_a_short_sentence_after_a_tagged_quote_continues_it(text, quoted):
    q = [q for q in extract(text) if q.kind == "direct"][0]
    assert [text[a:b] for a, b in q.spans or [(q.start, q.end)]] == quoted


@pytest.mark.parametrize("text, speaker, content", [
    pytest.param("Fans cheered Patti LaBelle and Stevie Wonder, who joked, “I have not seen it yet.”",
                 "Stevie Wonder", "“I have not seen it yet.”", id="last-of-two-names"),
    pytest.param("Ted Cruz endorses Trump, who says he is honored.", "Trump", "he is honored",
                 id="not-the-last-full-name"),
    pytest.param("Jane Doe, who called the plan “a disaster,” left early.", "Jane Doe", "the plan “a disaster,”",
                 id="the-clause-ends-at-its-comma"),
    pytest.param("Scott's relatives, who asked the police to show them the video, watched it on Thursday.",
                 "Scott's relatives", "the police to show them the video", id="a-description"),
])
def test_a_relative_pronoun_speaks_for_its_antecedent(text, speaker, content):
    q = [q for q in extract(text) if q.speaker_mention == "who"][0]
    assert (q.speaker, q.text) == (speaker, content)
    assert text[q.speaker_start:q.speaker_end] == "who"  # the mention stays the words beside the cue


def test_a_publications_report_that_speaks_for_the_publication():
    one("Jane Doe seized upon a New York Times report that John Roe had lost $915 million in 1995.",
        speaker="New York Times", speaker_type="publication", kind="indirect", cue="report",
        content="that John Roe had lost $915 million in 1995")


@pytest.mark.parametrize("text, cue, content", [
    pytest.param("The Trump campaign did not immediately respond to requests for comment.", "respond",
                 "to requests for comment", id="no-response-is-the-content"),
    pytest.param("Biden responded to Mr. Trump's interjection that not paying taxes made him “smart.”",
                 "responded", "that not paying taxes made him “smart.”", id="responded-to-x-that"),
    pytest.param("Obama responded to a mother on Wednesday by saying his refusal was a “manufactured” issue.",
                 "saying", "his refusal was a “manufactured” issue", id="responded-by-saying"),
    pytest.param("Voters did not respond to queries seeking their address, in what critics call a “purge.”",
                 "respond", "to queries seeking their address", id="responded-to-ends-at-a-comma"),
])
def test_what_a_response_answers(text, cue, content):
    assert [(q.cue, q.text) for q in extract(text)][0] == (cue, content)


def test_a_tag_after_an_exclamation_with_a_long_appositive_and_a_nickname():
    text = ('"This is a big year for Bobby Scott!" Scott\'s niece, state Del. Marcia "Cia" Price (D-Newport News), '
            'shouted to the crowd. "The nation is watching Virginia."')
    q = one(text, speaker="Marcia Price", cue="shouted", kind="direct")
    assert [text[a:b] for a, b in q.spans] == ['"This is a big year for Bobby Scott!"',
                                                '"The nation is watching Virginia."']


def test_a_prepositions_object_is_no_subject_and_typed_is_a_cue():
    quotes = extract("On her discharge papers, in a box labeled “medical problem,” a doctor had typed "
                     "“homicidal ideation.”")
    assert [(q.speaker, q.cue, q.text) for q in quotes] == [("a doctor", "typed", "“homicidal ideation.”")]


def test_an_adverbial_before_a_name_still_leaves_the_name():
    one("In a Bloomberg interview Trump declared “I think NATO may be obsolete.”", speaker="Trump",
        cue="declared", kind="direct")


def test_a_kicker_in_capitals_is_no_speaker():
    [q] = extract("CONGRESS HAS INVESTIGATED HIM — Oz’s dubious advice earned him the attention of Congress, "
                  "where he appeared at a hearing for saying that the extract was a “magic weight loss cure.”")
    assert (q.speaker, q.speaker_type) == (None, "unattributed")  # left unattributed, not guessed


def test_a_multi_word_organisation_is_not_a_person_for_pronouns():
    quotes = extract("The White House declined to comment.\n\n“It never crossed my mind,” she said.")
    assert [(q.speaker, q.speaker_type) for q in quotes if q.cue == "said"] == [(None, "anonymous")]


def test_and_inside_a_subordinate_clause_takes_its_pronoun():
    [q] = extract("Jane Doe spoke first. John Roe resigned after she toured the site and blamed the floods on "
                  "“years of neglect.”")
    assert (q.cue, q.speaker_mention, q.text) == ("blamed", "she", "the floods on “years of neglect.”")


def test_a_long_quote_in_the_participles_clause_is_not_the_direct_quotes_second_part():
    # The clause after `said, going on to say` is mostly quoted, but it is the participle's
    # reported clause, not the second half of a split quote.
    quotes = extract('"That debate is back, and it is insane," Jane Doe said, going on to say that the country '
                     'has spent "hundreds of years fighting against racism and sexism and all that stuff, to have '
                     'that debate again, young people do not want to see that. They are way beyond that. They do '
                     'not want to think we are blaming Muslims, we are blaming Mexicans for our problems."')
    assert [(q.cue, q.kind, q.text[:20]) for q in quotes] == [
        ("said", "direct", '"That debate is back'),
        ("going on to say", "partial", "that the country has"),
    ]


@pytest.mark.parametrize("text, speaker, role", [
    pytest.param('"I think all candidates should do so," Douglas Holtz-Eakin, an economist and tax expert, told me.',
                 "Douglas Holtz-Eakin", "economist and tax expert", id="and-inside-appositive"),
    pytest.param('As Jane Doe, a tax lawyer and senior fellow at the Urban Institute, recently put it, '
                 '"Did he lower his taxes through legal tax avoidance?"',
                 "Jane Doe", "tax lawyer and senior fellow at the Urban Institute", id="put-it-with-appositive"),
])
def test_an_and_inside_the_appositive_does_not_split_the_speaker(text, speaker, role):
    one(text, speaker=speaker, role=role, kind="direct")


@pytest.mark.parametrize("text", [
    "Cruz has long said that he qualifies as a natural-born citizen.",
    "Cruz also said that he qualifies as a natural-born citizen.",
])
def test_an_adverb_without_ly_between_subject_and_cue(text):
    one(text, speaker="Cruz", kind="indirect", content="that he qualifies as a natural-born citizen")


@pytest.mark.parametrize("text", [
    'Jane Doe said the plan would fail. "It is a disaster for all of us."',
    'The plan would fail, Jane Doe said. "It is a disaster for all of us."',
])
def test_a_quote_right_after_a_paraphrase_completes_its_attribution(text):
    # One attribution in two parts, as with a split quote: the reported clause, then the quote.
    q = one(text, speaker="Jane Doe", kind="partial")
    assert [text[a:b] for a, b in q.spans] == ["the plan would fail" if text.startswith("Jane") else
                                               "The plan would fail", '"It is a disaster for all of us."']


def test_a_quote_in_the_paragraph_after_a_paraphrase_is_not_guessed():
    quotes = extract('Jane Doe said the plan would fail.\n\n"Nobody in this town believes that it will ever work."')
    assert [(q.speaker, q.kind) for q in quotes] == [("Jane Doe", "indirect"), (None, "direct")]


@pytest.mark.parametrize("text, speaker", [
    pytest.param("Sen. Ted Cruz spoke first. The senator said the plan would fail.", "Ted Cruz", id="sen-abbrev"),
    pytest.param("Defense Minister Khawaja Asif arrived. Later the minister said the talks had failed.",
                 "Khawaja Asif", id="minister"),
    pytest.param("President Obama and Vice President Joseph R. Biden Jr. came. The president said the museum "
                 "tells the truth.", "Obama", id="not-the-vice-president"),
    pytest.param("Republican nominee Donald Trump and Democratic nominee Hillary Clinton spoke. The Democratic "
                 "nominee said the plan would fail.", "Hillary Clinton", id="every-title-word-fits"),
])
def test_the_title_alone_names_the_person_given_it_earlier(text, speaker):
    q = [q for q in extract(text) if q.speaker_mention.lower().startswith("the ")][0]
    assert (q.speaker, q.speaker_type) == (speaker, "person")


def test_a_title_nobody_was_given_stays_a_description():
    q = one("Jane Doe arrived. The senator said the plan would fail.")
    assert (q.speaker, q.speaker_type) == ("senator", "anonymous")


@pytest.mark.parametrize("text, speaker", [
    pytest.param("Sen. Ted Cruz spoke. Trump attacked his wife, Heidi Cruz, and his father, Rafael Cruz, for "
                 "months on end, in rallies, interviews and on Twitter, and never once apologised for any of it, "
                 "even after the primaries were long over. Ted Cruz endorsed him anyway on Friday afternoon. "
                 "Cruz said that he had kept his pledge to the party.", "Ted Cruz", id="most-named"),
    pytest.param("Sen. Ted Cruz spoke. His father, Rafael Cruz, was there. Cruz said that he was proud.",
                 "Rafael Cruz", id="named-just-before"),
    pytest.param("Vice President Joseph R. Biden Jr. spoke. Later Biden said that the museum was a gift.",
                 "Joseph R. Biden Jr", id="middle-initial"),
])
def test_a_surname_shared_by_two_people(text, speaker):
    assert extract(text)[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker, role", [
    pytest.param("Democrat Hillary Clinton said the plan would fail.", "Hillary Clinton", "Democrat", id="party"),
    pytest.param("Senator Dianne Feinstein, Democrat of California, said the program sent a terrible message.",
                 "Dianne Feinstein", "Senator", id="party-appositive"),
])
def test_a_party_label_is_not_part_of_the_name(text, speaker, role):
    one(text, speaker=speaker, role=role)


def test_a_title_case_headline_names_nobody():
    text = "Obama Sees Personal Insult If Voters Stay Home.\n\nObama said that the stakes were high."
    assert extract(text)[-1].speaker == "Obama"


def test_a_quote_after_a_colon_with_its_own_tag_is_direct():
    # `X scolded him: “A,” she said. “B.”` — the colon's content is the quote alone, not “A,” she said.
    text = ("Jane Doe scolded him: “The scientific community is against you on the products you called "
            "‘miracles,’” she said. “When you call a product a miracle, I do not see why you go there.”")
    q = one(text, speaker="Jane Doe", kind="direct")
    assert [text[a:b][:12] for a, b in q.spans] == ["“The scienti", "“When you ca"]


@pytest.mark.parametrize("text, kind, first", [
    pytest.param('So when the company signaled that it would sell the mine, Mr. Barrett said, "we were floored."',
                 "partial", "So when the company", id="lower-case-quote-ends-the-sentence"),
    pytest.param('On Monday, Jane Doe said, "we will win."', "direct", '"we will win."', id="adverbial-is-not-content"),
    pytest.param('So when the company signaled that it would sell, Mr. Barrett said, "We were floored."',
                 "direct", '"We were floored."', id="capitalised-quote-stands-alone"),
])
def test_a_clause_before_the_speaker_that_the_quote_finishes(text, kind, first):
    q = [q for q in extract(text) if q.cue == "said"][0]
    assert (q.kind, q.text[:len(first)]) == (kind, first)


def test_a_possessive_pronoun_owns_the_noun_cue():
    q = extract("John Doe spoke in Ohio. Contrary to his claim that the economy was booming, wages fell.")[-1]
    assert (q.speaker, q.speaker_mention, q.text) == ("John Doe", "his", "that the economy was booming")


def test_he_after_one_anonymous_woman_is_not_her():
    quotes = extract("“Don’t shoot!” a woman screamed. “Is this the end?” he asked.")
    assert [(q.speaker_mention, q.speaker) for q in quotes] == [("a woman", "a woman"), ("he", None)]


def test_said_one_is_one_of_those_just_named():
    quotes = extract("Witnesses described scenes of chaos. “People were running everywhere,” said one.")
    assert [(q.speaker, q.text) for q in quotes] == [("Witnesses", "scenes of chaos"),
                                                      ("one", "“People were running everywhere,”")]


def test_one_before_a_noun_cue_is_no_speaker():
    text = "Critics called the tax ''total political crap'' -- one question that has emerged is whether it stays."
    assert [q.cue for q in extract(text)] == ["called"]



def test_a_participle_hangs_on_the_main_clause_not_an_if_clause():
    quotes = extract("Moscow signaled readiness to support mediation if both parties agree, highlighting concerns "
                     "over growing volatility.")
    assert [(q.cue, q.speaker) for q in quotes] == [("signaled", "Moscow"), ("highlighting", "Moscow")]


def test_a_clause_then_and_then_a_new_speaker():
    quotes = extract("Republicans said the department mishandled the case and Democrats accused the GOP of stoking "
                     "the issue.")
    assert [(q.speaker, q.text) for q in quotes] == [("Republicans", "the department mishandled the case"),
                                                      ("Democrats", "of stoking the issue")]


def test_announced_with_only_a_time_after_takes_the_content_before():
    q = extract("The campaign plans to release more records soon, a spokesman announced Monday morning.")[0]
    assert (q.speaker, q.cue, q.text) == ("a spokesman", "announced", "The campaign plans to release more records soon")


def test_continued_after_an_according_to_is_no_speech():
    quotes = extract("According to local residents, the shelling continued until dawn.")
    assert [(q.cue, q.speaker) for q in quotes] == [("according to", "local residents")]
