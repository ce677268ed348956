"""The rules of the quotes stage, in the order the stage tries them (``newsgraph.nlp.rules``).

Steps: ``passage`` (which quoted passages are quoted sentences), ``direct`` (the cue of a direct quote),
``according_to``, ``colon``, ``block`` (other attributions of a direct quote, and 'according to' clauses),
``clause`` (what a reporting verb governs), ``fragment`` (quoted words a verb governs), ``kind``,
``noun_cue``, ``citing``, ``made_clear``, ``implicit`` (the other finders), ``filter`` (overlaps),
``source`` and ``phrase`` (the phrase naming who speaks), ``speaker`` (the actor it is), ``chain`` (where
the source got it), ``modality``, ``claim`` (time, figures) and ``outlet`` (the outlet's own claims).

A Quote's ``rule`` is the rule that found it (a finder's rule: ``quotes.direct.cue_after``,
``quotes.clause.complement`` ...); its ``trace`` adds every rule that shaped its content, set its kind
and source, resolved its speaker and chain. Its Claim has the same, and the rules that set its modality
and its time. A filter rule (``skip_...``) that is on drops what it describes; switched off, it keeps it.
"""

from __future__ import annotations

from newsgraph.nlp.rules import Rule, RuleTable

RULES = RuleTable("quotes", [
    # -- quoted passages: a quoted sentence, or a fragment inside the writer's sentence ---------------------
    Rule("quotes.passage.sentence_lead", "a quoted sentence (4 words or more, with a verb) after a paragraph "
         "start or sentence punctuation is a direct quote: 'He said: \"We will ...\"'"),
    Rule("quotes.passage.after_cue_verb", "a quoted sentence right after a cue verb is a direct quote: 'they said "
         "\"we will stay\"'"),
    Rule("quotes.passage.capital_after_cue", "a capitalised quoted sentence a few words after a cue verb is a "
         "direct quote: 'Pelosi said on Friday \"We are ready ...\"'"),
    # -- direct quotes: the cue, in the order tried ---------------------------------------------------------
    Rule("quotes.direct.cue_touching", "a cue verb touching the opening mark: 'they said \"...\"', 'said, \"...\"'"),
    Rule("quotes.direct.cue_after", "a cue verb just after the closing mark: '\"...,\" Singh said', '\"...?\" "
         "asked the minister'"),
    Rule("quotes.direct.cue_before", "the nearest cue verb before a quote led by a colon, comma or dash: 'He "
         "said: \"...\"', ', he said, \"...\"'"),
    Rule("quotes.direct.cue_near_before", "a cue verb a few words before the mark, no punctuation between: 'said "
         "on Friday \"We ...\"'"),
    Rule("quotes.direct.participle_noun_cue", "a cue participle the tagger took for a noun is a cue: 'her "
         "willingness to serve, writing, \"...\"'"),
    Rule("quotes.direct.closed_sentence_tag", "after a quote that closes its own sentence only a bare tag is its "
         "cue: '\"... trial.\" Pelosi said.' (not '\"... trial.\" Pelosi said she would ...')"),
    Rule("quotes.direct.skip_added_participle", "a participle after the quote that hangs on a cue before it is no "
         "cue of its own: 'X said, \"...\", calling it a \"painful decision\"'"),
    Rule("quotes.direct.tag_verb", "a that-verb with no object or clause of its own can tag a quote: '\"...,\" "
         "she recalls'"),
    Rule("quotes.direct.dash_aside", "a cue before an aside set off by dashes still leads the quote: 'commented "
         "on it — which the BBC noted — \"...\"'"),
    Rule("quotes.direct.report_root_before", "a reporting verb set off from the quote by a comma, with no object "
         "before it, is its cue: 'The court decided, according to the summary, \"...\"'"),
    Rule("quotes.direct.source_outside_quote", "a cue's subject the parser took from inside the quote is not its "
         "source: '\"I have the reputation of being Miss Goody Two-Shoes,\" Day said' (not 'I')"),
    Rule("quotes.direct.continues", "a quoted sentence right after an attributed direct quote (same paragraph, or "
         "a new one opening with the quote) continues it: '\"...,\" Singh said. \"This is a calculation ...\"'"),
    Rule("quotes.direct.carry_over", "a quoted sentence standing alone right after an attributed sentence carries "
         "its source: 'The pilot said the engine failed. \"We trained for this.\"'"),
    Rule("quotes.direct.unattributed", "a quoted sentence with no cue found stays a direct quote with no source: "
         "'\"We will fight until the end of this war.\"'"),
    # -- 'according to' -------------------------------------------------------------------------------------
    Rule("quotes.according_to.after_quote", "'according to X' right after a direct quote attributes it: '\"...,\" "
         "according to a tweet by X'"),
    Rule("quotes.according_to.before_quote", "'according to X,' before a direct quote attributes it: 'According to "
         "fire chief Dana Holt, \"...\"'"),
    Rule("quotes.according_to.clause", "'according to X' attributes the clause it attaches to: 'Pilots are among "
         "them, according to the defense ministry'"),
    Rule("quotes.according_to.reckoning", "a source's own count, tally or estimate vouches for its clause as "
         "'according to' does: 'By the count of the regional office, 15 countries have reported cases'"),
    Rule("quotes.according_to.skip_not_source", "'according to' a word that names no source is no attribution: "
         "'according to plan', 'each according to their choice'"),
    Rule("quotes.according_to.trailing", "after the clause, the phrase vouches for the words before it: 'X, "
         "according to Y.'"),
    Rule("quotes.according_to.leading", "before the clause, the phrase vouches for the words after it: 'According "
         "to Y, X.'"),
    Rule("quotes.according_to.semicolon_part", "the phrase vouches only for its part of a sentence cut by "
         "semicolons: 'X suggested A; according to Y, B' (B only)"),
    Rule("quotes.according_to.cut_joined_clause", "a clause with its own subject joined after the phrase is not "
         "vouched for: 'Trump admitted it, according to prosecutors, but the department maintains ...'"),
    # -- a colon as the cue ---------------------------------------------------------------------------------
    Rule("quotes.colon.name", "a short name before a colon is the source of the quote after it: 'Rutte: \"We "
         "...\"'"),
    Rule("quotes.colon.clause", "the subject of the clause a colon closes is the source of the quote after it: "
         "'Biden released a statement: \"...\"'"),
    Rule("quotes.block.paragraph_after_colon", "a paragraph set without marks after a reporting line ending in a "
         "colon is a direct quote: 'The judge rejected this argument:' + the next paragraph"),
    # -- what a reporting verb governs ----------------------------------------------------------------------
    Rule("quotes.clause.noun_tagged_verb", "a reporting verb the tagger took for a noun, as a root with a subject "
         "and a clause, is a verb: 'Estimates by X state [that] ...'"),
    Rule("quotes.clause.skip_direct_cue", "the cue of a direct quote reports that quote, not a clause the parser "
         "hung on it: 'He said, \"...\", and left'"),
    Rule("quotes.clause.skip_quoted_cue", "a cue verb inside quoted words is the quoted speaker's, no "
         "attribution of the writer's: 'called it \"what they say is a lie\"'"),
    Rule("quotes.clause.skip_infinitive_adjunct", "an infinitive of purpose or a modifier reports nothing: "
         "'examined to determine if ...', 'something to say'"),
    Rule("quotes.clause.skip_question", "a cue verb in a question asks, it does not report: 'What do you think "
         "might account for them?'"),
    Rule("quotes.clause.skip_conditional", "a report under 'if' or 'unless' may not happen: 'If we confirm that "
         "it is a planet, ...'"),
    Rule("quotes.clause.skip_imperative", "an order to the reader reports nothing: 'Imagine that we put all the "
         "attributes in a bottle'"),
    Rule("quotes.clause.skip_that_said", "the linker 'That said,' reports nothing: 'That said, Red Hat is "
         "working on it'"),
    Rule("quotes.clause.skip_inverted_question", "a question with its auxiliary before the subject reports "
         "nothing: 'Can we expect Rocky Linux to be released?'"),
    Rule("quotes.clause.inverted_object", "a verb of saying after the content's comma, with no subject, has its "
         "source as its object: 'The police have killed 112 gang members, declared the spokesman'"),
    Rule("quotes.clause.complement", "a reporting verb's clausal complement is its content: 'said (that) the "
         "troops had moved', 'ruled the map violated the constitution'"),
    Rule("quotes.clause.unmarked_clause", "a finite clause with its own subject and no leading 'as', 'because' "
         "... that the parser hung on a reporting verb as an adverbial is its content: 'said since the first day "
         "the teams have rescued 9,215'"),
    Rule("quotes.clause.skip_pronoun_object", "a clause before a verb with its own pronoun object is not what it "
         "says: '..., I mentioned them earlier'"),
    Rule("quotes.clause.skip_past_semicolon", "a clause before the verb past a semicolon is a clause of its own: "
         "'The war has gone on for years; the Taliban wants ...'"),
    Rule("quotes.clause.skip_circumstance", "a complement led by 'before', 'because', 'while' ... is a "
         "circumstance, not a report: 'minutes before the committee voted, X claimed Y'"),
    Rule("quotes.clause.that_only", "a verb that reports only with 'that' (show, find, see ...) needs 'that' or a "
         "clause with its own subject: 'showed that X' (not 'showed the way')"),
    Rule("quotes.clause.skip_open_question", "an open question is no claim, but after 'ask', 'wonder': 'did not "
         "announce whom they would support'"),
    Rule("quotes.clause.infinitive", "for verbs of intention and demand, the infinitive is the content: 'vowed to "
         "retaliate', 'urged residents to stay indoors'"),
    Rule("quotes.clause.cut_joined_report", "a reporting verb with its own clause joined to the content is the "
         "source's next report: 'agreed the memo may have leaked but ruled that ...'"),
    Rule("quotes.clause.cut_main_clause", "a report in an opening subordinate clause ends at its last comma: "
         "'After the governor suggested that A, the debate centered on B' (A)"),
    Rule("quotes.clause.relative_report", "a report inside a relative clause runs from its pronoun: 'The levy, "
         "which farmers say will ruin them, passed' ('which farmers say will ruin them')"),
    Rule("quotes.clause.subject_taken_for_object", "a clause's subject the parser made the cue's object belongs "
         "to the clause: 'announced the flight recorder has been recovered'"),
    Rule("quotes.clause.infinitive_subject", "the one an infinitive is about belongs to its content: 'urged "
         "residents to stay indoors', 'called on Congress to pass the bill'"),
    Rule("quotes.clause.cut_according_to", "'according to X' closing the content names the outer source: 'The "
         "spokesman said the firm would repay, according to the Daily Courier'"),
    Rule("quotes.clause.cut_speaking_setting", "a trailing participle saying where or when the source spoke is "
         "not content: 'said X, speaking at a rally', 'said X, before leaving for Boston'"),
    Rule("quotes.clause.cut_added_report", "', adding that Y' closing the content is an attribution of its own: "
         "'said X will discuss it, adding that Y'"),
    Rule("quotes.clause.object_clause", "a that-less clause whose subject the parser took for the cue's object is "
         "the content: 'ruled the male-only draft violated the Constitution'"),
    Rule("quotes.clause.phrasal_object", "the object of a cue's own preposition is the content: 'called for a "
         "ceasefire', 'warned of shortages'"),
    Rule("quotes.clause.object_with_reason", "an accusation's or a judgment's object with its reason is the "
         "content: 'accused Democrats of lying', 'described the budget as a gamble'"),
    Rule("quotes.clause.attitude_object", "an attitude noun as the object is what the source holds: 'expressed "
         "concern about the cost', 'signaled an intent to run'"),
    Rule("quotes.clause.stance_object", "what a denial or an admission is about is its content: 'denied any "
         "wrongdoing', 'rejected the allegations'"),
    Rule("quotes.clause.announced_object", "an announcement's noun-phrase object is its content: 'announced the "
         "closure of two libraries', 'pledged a review'"),
    Rule("quotes.clause.object_tail", "a prepositional phrase hung on the verb after the object is still what is "
         "held: 'expressed opposition [to the plan]'"),
    Rule("quotes.clause.cut_object_participle", "a participle after a comma is the source's, not the object's: "
         "'affirmed her willingness to serve, writing, \"...\"'"),
    Rule("quotes.clause.cut_object_but", "after a contrasting 'but' the verb is the source's next action: "
         "'signaled an intent to run but decided against it'"),
    Rule("quotes.clause.parenthetical", "a cue set inside or after a clause reports the clause: 'The economy, he "
         "said, is strong', 'X was planned, officials said'"),
    Rule("quotes.clause.trailing_conjunct", "a report closing a sentence after a comma, parsed as joined to the "
         "clause before it, reports that clause: 'A cholera outbreak has killed 389 people, WHO chief Tedros told "
         "reporters in Geneva'"),
    Rule("quotes.clause.tally_setter", "the subject of a verb that sets a figure through 'at' or 'to' gives it: 'The "
         "police put the number at 139', 'He put it at more than 1,300', 'estimated the crowd at about 500'"),
    Rule("quotes.clause.tally_disputed", "the subject of a verb that disputes a figure named as its object gives it, "
         "negated: 'the commissioner rejected the figure of 3,000'"),
    Rule("quotes.clause.skip_sourceless_participle", "a participle or passive on a bare noun names no source: "
         "'weeks of reports suggesting that ...', 'a program called \"X\"'"),
    Rule("quotes.clause.adjacent_fragments", "quoted pieces right after the content, joined by 'and' or a comma, "
         "finish it: 'was \"sow[ing] chaos\" and \"mak[ing] matters worse\"'"),
    # -- quoted fragments and kinds -------------------------------------------------------------------------
    Rule("quotes.fragment.under_cue", "quoted words a cue verb governs are a mixed quote: 'called the move a "
         "\"significant escalation\"'"),
    Rule("quotes.fragment.skip_passive_naming", "a passive naming verb with no agent says what a thing is called: "
         "'This phase is called \"the development phase\"'"),
    Rule("quotes.fragment.stop_at_adjunct", "quoted words in a participle adjunct belong to it, not to the cue "
         "above: 'criticized X, pointing to the \"ballot box\"'"),
    Rule("quotes.kind.quoted_pieces", "a clause made mostly of quoted pieces is reported as those pieces, with the "
         "clause as their claim: 'called the deal \"a gift\" and \"a disgrace\"'"),
    Rule("quotes.kind.mixed_clause", "a clause with a quarter or more of its words quoted is a mixed quote: "
         "'said the plan was \"dead on arrival\" in the Senate'"),
    # -- reporting nouns and other cues ---------------------------------------------------------------------
    Rule("quotes.noun_cue.that_clause", "a reporting noun's 'that' clause is its content: \"Trump's claim that the "
         "election was stolen\""),
    Rule("quotes.noun_cue.intention", "an intention noun's infinitive is its content: \"the governor's plan to "
         "close the schools\""),
    Rule("quotes.noun_cue.skip_holderless", "a reporting noun with no holder and no 'that' is maybe no one's "
         "claim: 'the plan to close schools'"),
    Rule("quotes.noun_cue.skip_existential", "'There are concerns that ...' is the outlet's summary of a mood, no "
         "attribution"),
    Rule("quotes.citing.clause", "'citing X' after a clause attributes it to X: 'The deal has collapsed, citing "
         "two people familiar with the matter'"),
    Rule("quotes.citing.skip_under_report", "under a reporting verb 'citing X' only says where the report came "
         "from: 'Reuters reported the deal collapsed, citing sources'"),
    Rule("quotes.made_clear.clause", "'made (it) clear that' reports its clause: 'The senator made clear that she "
         "would oppose the treaty'"),
    Rule("quotes.implicit.impersonal_passive", "an impersonal passive reports with its source unsaid: 'X is "
         "projected to win', 'he is widely suspected of asking ...'"),
    Rule("quotes.implicit.hearsay_adverb", "a hearsay adverb opening its sentence attributes it to an unnamed "
         "source: 'Reportedly, most residents vote by mail'"),
    # -- overlaps -------------------------------------------------------------------------------------------
    Rule("quotes.filter.over_direct_quote", "a content that overlaps a direct quote is not another attribution: "
         "'She said: \"We will stay\" and ...'"),
    Rule("quotes.filter.outermost", "a cue inside another attribution's content is not an attribution of the "
         "writer's: 'Singh said that Austin believes the talks could fail' (Singh only)"),
    Rule("quotes.filter.same_cue", "one cue read twice keeps the direct quote, else the longer content: 'According "
         "to X, \"...\"' (the direct quote)"),
    Rule("quotes.filter.same_content", "the same content found twice is one attribution (the first found)"),
    # -- the source phrase ----------------------------------------------------------------------------------
    Rule("quotes.source.participle_noun_clause", "a participle cue tagged as a noun speaks for its clause's "
         "subject: 'Judge Ann Ford issued a ruling finding that ...'"),
    Rule("quotes.source.added_report", "'adding that ...' inside another report speaks for that report's source: "
         "'The pilot said X, adding that Y' (the pilot)"),
    Rule("quotes.source.joined_report", "a report joined inside another with no subject of its own has the same "
         "source: 'A judge agreed A but ruled that B' (the judge rules)"),
    Rule("quotes.source.relative_who", "'..., who said' speaks for the noun the relative clause hangs on: 'the "
         "minister, who said ...'"),
    Rule("quotes.source.subject", "the cue's subject is the source: 'NATO chief Rutte said ...'"),
    Rule("quotes.source.past_dateline", "a dateline is a place and an outlet, neither a source nor what was said: "
         "'SEOUL (Reuters) - South Korea's spy agency said' (the agency)"),
    Rule("quotes.source.trailing_name", "a count the parser made the subject of a trailing cue, with a name joined "
         "to it by a comma, is what is said, and the name the source: '..., killing at least 1,240 people in the "
         "country, the Disaster and Emergency Management Authority (AFAD) said'"),
    Rule("quotes.source.after_label", "of two subjects a colon parts, the one after it speaks; the one before is a "
         "label: 'Correction, 4 May: An earlier version of this article said ...'"),
    Rule("quotes.source.split_subject", "subjects the parser split side by side are one source: 'said study "
         "co-author Ted Scambos'"),
    Rule("quotes.source.passive_topic", "the subject of a passive cue is its topic; its 'by' phrase, if any, is the "
         "source: 'It was reported by X that ...'"),
    Rule("quotes.source.raised_subject", "the subject of a verb the cue depends on speaks: 'X is expected to "
         "announce that ...' (X announces)"),
    Rule("quotes.source.agent", "a passive cue's 'by' phrase is the source: 'was projected by two networks to win'"),
    Rule("quotes.source.inverted_name", "a name after the cue that the parser took for its object is the source: "
         "'\"...,\" said Singh'"),
    Rule("quotes.source.event_noun", "past a noun that cannot speak to the verb holding it: 'Bobulinski held a "
         "press conference claiming ...' (Bobulinski)"),
    Rule("quotes.source.modified_noun", "a participle or relative cue speaks for the noun it modifies: 'officials "
         "saying ...', 'a statement which said ...'"),
    Rule("quotes.source.name_before_verb", "a main verb with no subject takes the name right before it: 'On "
         "Friday Ford Motor Company announced ...'"),
    Rule("quotes.source.speaking_apposition", "a subject that cannot speak gives way to the one in apposition after it "
         "that can: '..., the largest wave in years, a spokesperson for the agency told reporters'"),
    Rule("quotes.source.name_before_comma", "the name before a main verb may be an appositive closed by a comma: "
         "'In Malatya, the governor, Osman Yilmaz, told reporters that ...' (Osman Yilmaz)"),
    Rule("quotes.source.prep_clause", "a cue inside a prepositional clause speaks for the verb of that clause's "
         "head: 'In finding X, the court also found ...'"),
    Rule("quotes.source.object_controller", "the object of the verb an infinitive cue hangs on does the saying: "
         "'The backlash led the candidate to admit that ...'"),
    Rule("quotes.source.governing_clause", "a cue with no subject speaks for the verb it hangs from: 'vowed to "
         "retaliate and said ...'"),
    Rule("quotes.source.saying_subject", "a participle cue before the quote speaks for its clause's subject: 'X has "
         "yet to concede, saying \"I WON\"'"),
    Rule("quotes.source.between_quote_and_cue", "the words between the closing mark and the cue are the source: "
         "'\"...,\" Day said'"),
    Rule("quotes.source.name_after_cue", "the name or description right after the cue is the source: '\"...,\" "
         "tweeted Mayor of London Sadiq Khan', '\"...\", reads an AEW press release'"),
    Rule("quotes.source.possessor", "a reporting noun's possessor holds the claim: \"Trump's claim that ...\""),
    Rule("quotes.source.by_phrase", "a reporting noun's 'by' or 'from' phrase holds the claim: 'the allegation by "
         "X that ...'"),
    Rule("quotes.source.compound_name", "a name compounded with a reporting noun holds the claim: 'the Daily "
         "Courier report that ...'"),
    Rule("quotes.source.light_verb_subject", "the subject of the verb carrying a reporting noun holds the claim: "
         "'The singer made an announcement that ...'"),
    Rule("quotes.phrase.cut_descriptive_clause", "a noun phrase ends before a clause set off by a comma that "
         "describes it: 'Smith, who heads the committee, said ...' (Smith)"),
    # -- the speaker ----------------------------------------------------------------------------------------
    Rule("quotes.speaker.continued", "a quote continuing an earlier one has its speaker and chain"),
    Rule("quotes.speaker.document", "a report or document is no actor: it speaks for its stated origin, and is a "
         "second-hand source: 'A leaked memo suggested ...'"),
    Rule("quotes.speaker.anonymous", "a source marked unnamed is anonymous and second-hand: 'officials who spoke on "
         "condition of anonymity', 'a source'"),
    Rule("quotes.speaker.person_in_body", "a person named inside a body's mention speaks, not the body: "
         "'Harbour Development Bank chairman Tomas Lind said'"),
    Rule("quotes.speaker.mention", "the actor mentioned on the source's head word: 'Singh said' (Singh)"),
    Rule("quotes.speaker.pronoun_last_speaker", "a pronoun is the most recent speaker of its kind within three "
         "sentences ('they'/'it' never a person): '\"...,\" he said' after Singh spoke"),
    Rule("quotes.speaker.pronoun_new_subject", "a person made the subject of a main clause since the last speaker "
         "is whom 'he' or 'she' means: 'Michael Makuei paid tribute to Luk. \"...,\" he said'"),
    Rule("quotes.speaker.gender_clash", "'she' is never someone the text calls 'he', 'Mr' or 'spokesman' (and the "
         "other way round)"),
    Rule("quotes.speaker.pronoun_gender", "for 'she' ('he'), someone the text shows to be a woman (a man) beats "
         "someone it says nothing about: 'Spokeswoman Ines Duarte ...'"),
    Rule("quotes.speaker.pronoun_person_subject", "with no recent speaker, 'he'/'she' is the most recent person "
         "subject nearby: 'Striker Tomas Berg scored twice. \"...,\" he said'"),
    Rule("quotes.speaker.pronoun_person_named", "else the most recent person named nearby"),
    Rule("quotes.speaker.pronoun_number", "'it' is no group of people that spoke last ('volunteers said ... The "
         "toll rose to 15, it said'), but a body"),
    Rule("quotes.speaker.pronoun_recent_body", "'it' with no recent speaker: the organization named last in its "
         "sentence or the one before ('A new update from AFAD. The toll has risen to 5,104, it said.')"),
    Rule("quotes.speaker.pronoun_unlisted_person", "else a person named as a subject nearby whom the actors stage "
         "did not list, made an actor"),
    Rule("quotes.speaker.apposed_name", "the person named in apposition speaks: 'His opponent, Biden, said'"),
    Rule("quotes.speaker.body_in_phrase", "a body named inside an institution phrase, or in apposition to its "
         "noun, speaks: 'The NATO military alliance said' (NATO), 'The group Human Rights Watch said'"),
    Rule("quotes.speaker.person_in_phrase", "a person named inside the phrase (not as its complement) speaks: "
         "'said lead author Ravi Menon of the polar institute'"),
    Rule("quotes.speaker.role", "a title alone is the person introduced with it, or with that role or "
         "affiliation: 'Chancellor Olaf Scholz ... The chancellor said'"),
    Rule("quotes.speaker.organization_word", "a head word is the organization named earlier with it: 'South "
         "Korean intelligence' (the National Intelligence Service)"),
    Rule("quotes.speaker.named_next", "a person described with 'a' is the person the next sentence opens with "
         "as its speaker: 'a South Korean lawmaker said. Park Sun-won ... told reporters'"),
    Rule("quotes.speaker.named_later", "a person described with 'the' is the person a later sentence names right "
         "after the same noun: 'the director ... told the paper. \"...,\" said the director, Marie-Ange Joseph'"),
    Rule("quotes.speaker.new_actor", "an unnamed source becomes a new actor, so every speaker is an actor: "
         "'Some analysts have suggested ...'"),
    Rule("quotes.speaker.honorific", "a name after an honorific the tagger missed is a person's, the person named "
         "in full before when the surname is theirs: 'Mohammad Rafiqul Haque ... Mr Haque informed that ...'"),
    Rule("quotes.speaker.first_name_again", "a single name that opens or ends exactly one person's full name is that "
         "person, however tagged: 'Tedros Adhanom Ghebreyesus said ... Tedros declared' (not a new actor 'Tedros')"),
    Rule("quotes.speaker.named_again", "the same name, or a person's surname, met again is the same actor"),
    Rule("quotes.speaker.state_in_description", "an unnamed speaker belongs to the state its description names: "
         "'an Argentine judge' (ARG)"),
    # -- the chain ------------------------------------------------------------------------------------------
    Rule("quotes.chain.relative_clause", "a relative clause on the source says where it got it: 'reports, which "
         "originated from the NIS', 'politicians who had been briefed by the spy agency'"),
    Rule("quotes.chain.publisher", "a document speaks for whoever released it: 'The party released a statement "
         "which said ...'"),
    Rule("quotes.chain.from_by", "a document's 'from' or 'by' phrase is its origin: 'reports from Seoul'"),
    Rule("quotes.chain.possessor", "a document's possessor is its origin: \"the ministry's report\""),
    Rule("quotes.chain.compound_name", "a name compounded with a document is its origin: 'a Pentagon statement'"),
    # -- modality -------------------------------------------------------------------------------------------
    Rule("quotes.modality.first_sentence", "only the content's first sentence says how sure it is: '\"We are "
         "ready. If they attack, we will respond,\"' (asserted)"),
    Rule("quotes.modality.conditional", "'if' or 'unless' makes the content hypothetical: 'if the weather turns, "
         "we will lose the ship'"),
    Rule("quotes.modality.negation", "a negation on the content's main verb negates it: 'the crew had not been "
         "drinking'"),
    Rule("quotes.modality.hedge_phrase", "a two-word hedge: 'in the event of a default' (hypothetical), 'set to' "
         "(expected)"),
    Rule("quotes.modality.hedge_word", "a hedge word: 'may', 'likely' (hedged), 'reportedly' (reported), 'will' "
         "(expected) (not the month 'May')"),
    Rule("quotes.modality.modal_main", "a modal on the main verb outranks a negation: 'West may not even be "
         "aware' (hedged)"),
    Rule("quotes.modality.noun_cue", "what a reporting noun says of its content: 'the claim that' (hedged), 'the "
         "hope that' (expected), 'the myth that' (negated)"),
    Rule("quotes.modality.cue_negated", "a negating cue negates its content, whatever the content says: 'denied "
         "that the crew had been drinking'"),
    Rule("quotes.modality.cue", "the cue's own modality, when the content says nothing stronger: 'suggested' "
         "(hedged), 'promised' (expected), 'confirmed' (confirmed), 'reported' (reported)"),
    Rule("quotes.modality.second_hand", "a second-hand source (according to, a document, an anonymous source) "
         "makes the claim reported: 'according to the ministry'"),
    # -- claims ---------------------------------------------------------------------------------------------
    Rule("quotes.claim.time_in_text", "a claim's time is the time expression governing its clause: 'said on "
         "Tuesday that ...' (Tuesday)"),
    Rule("quotes.claim.time_published", "else the publication date (time_from 'published')"),
    Rule("quotes.claim.quantity_link", "a figure inside a claim points to it (the innermost one): 'said that 40 "
         "soldiers were killed'"),
    Rule("quotes.claim.quantity_object", "a figure in the object of a cue points to its claim: 'called the figure "
         "of 10,000 a fabrication'"),
    Rule("quotes.interview.label", "in an interview, a paragraph opening with a person's label is theirs: "
         "'Alessandra Conti: Nearly 580,000.', 'AC: No.' (by name, surname or initials; two labels or more)"),
    Rule("quotes.interview.answer", "in an article of short questions and answers (two questions or more), the "
         "paragraphs after a question are the answers of the person its opening paragraph names"),
    Rule("quotes.outlet.figure", "a sentence the outlet states on its own with a figure is a claim with no "
         "source: 'The city has 40,000 residents.'"),
    Rule("quotes.outlet.hedge", "a sentence the outlet states on its own with a hedge is a claim with no source: "
         "'Their dealings reportedly include ammunition.'"),
])
