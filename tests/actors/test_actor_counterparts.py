"""The counterparts someone meets (newsgraph/nlp/actors/counterparts.py, actors.affiliation.counterpart).

Issue 14: the old rule, written for one sentence of the founding article, gave every titled name in the two
sentences after "their South Korean counterparts" that country, so after "Blinken met his Chinese
counterparts" Lloyd Austin became Chinese. Now only the counterparts themselves take the country. The
founding article's sentence is kept; the others are sentences the rule was not written for.
"""

from __future__ import annotations

from tests.actors.common import by_name


def test_people_named_after_a_counterparts_cue_elsewhere_keep_their_own_country(extract_text):
    # the case: Austin is no counterpart, and no title of his says Chinese
    ext = extract_text("Secretary of State Antony Blinken met his Chinese counterparts in Beijing. Defense Secretary "
                       "Lloyd Austin said the talks were useful.")
    assert by_name(ext, "Lloyd Austin").affiliation is None
    assert by_name(ext, "Antony Blinken").affiliation is None


def test_a_colleague_coordinated_with_the_one_who_met_them_is_no_counterpart(extract_text):
    ext = extract_text("Secretary of State Antony Blinken met his Chinese counterparts on Monday. Blinken and Defense "
                       "Secretary Lloyd Austin flew home on Tuesday.")
    assert by_name(ext, "Lloyd Austin").affiliation is None  # Austin's office (defense) is not Blinken's


def test_the_counterpart_named_right_after_the_cue(extract_text):
    ext = extract_text("Secretary of State Antony Blinken met his Chinese counterpart, Foreign Minister Wang Yi, "
                       "in Beijing.")
    assert by_name(ext, "Wang Yi").affiliation == "CHN"
    assert by_name(ext, "Antony Blinken").affiliation is None
    ext = extract_text("Turkish Foreign Minister Mevlut Cavusoglu and his Russian counterpart, Sergey Lavrov, spoke "
                       "by telephone.")
    assert by_name(ext, "Sergey Lavrov").affiliation == "RUS"  # untitled: the cue names him
    assert by_name(ext, "Mevlut Cavusoglu").affiliation == "TUR"  # his own title


def test_several_countries_go_to_the_counterparts_in_their_order(extract_text):
    ext = extract_text("Secretary of State Antony Blinken met his British and French counterparts, David Lammy and "
                       "Jean-Noel Barrot, in Paris.")
    assert by_name(ext, "David Lammy").affiliation == "GBR"
    assert by_name(ext, "Jean-Noel Barrot").affiliation == "FRA"


def test_a_titled_counterpart_coordinated_with_the_host_holds_the_same_portfolio(extract_text):
    ext = extract_text("Defense Secretary Lloyd Austin will host his Japanese counterparts on Friday. Austin and "
                       "Defense Minister Minoru Kihara will sign an agreement.")
    assert by_name(ext, "Minoru Kihara").affiliation == "JPN"
    assert by_name(ext, "Lloyd Austin").affiliation is None


def test_the_founding_article_sentence(extract_text):
    ext = extract_text("U.S. Defense Secretary Lloyd Austin and Secretary of State Antony Blinken will meet with "
                       "their South Korean counterparts later this week in Washington. Pentagon spokeswoman Sabrina "
                       "Singh said on October 28 that Austin and Defense Minister Kim Yong-hyun will discuss the "
                       "deployment.")
    assert [by_name(ext, n).affiliation for n in ("Lloyd Austin", "Antony Blinken", "Sabrina Singh")] == ["USA"] * 3
    kim = by_name(ext, "Kim Yong-hyun")
    assert kim.affiliation == "KOR"
    assert [step[0] for step in kim.trace].count("actors.affiliation.counterpart") == 1


def test_how_far_the_counterparts_are_named_is_a_setting(nlp):
    import spacy

    from newsgraph.nlp.pipeline import COMPONENTS, MODEL_NAME

    text = ("U.S. Defense Secretary Lloyd Austin will meet his South Korean counterparts in Washington. A "
            "spokeswoman said that Austin and Defense Minister Kim Yong-hyun will discuss the deployment.")
    near = spacy.load(MODEL_NAME)
    near.add_pipe("newsgraph_paragraphs", before="parser")
    for name in COMPONENTS[:2]:
        near.add_pipe(name, config={"counterpart_sentences": 0} if name == "newsgraph_actors" else {})
    kim = [a for a in near(text)._.actors if a.name == "Kim Yong-hyun"]
    assert kim and kim[0].affiliation is None  # a sentence after the cue is too far with 0
    assert [a.affiliation for a in nlp(text)._.actors if a.name == "Kim Yong-hyun"] == ["KOR"]
