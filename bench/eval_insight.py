"""Evaluate repeat-appeal grouping (并单) on the project's own set (tests/insight_eval/repeats.tsv).

    PYTHONPATH=. python bench/eval_insight.py repeats [--split dev|holdout|tune|holdout2|holdout3|tune10|tune11|holdout4|tune12|holdout5|holdout6|tune13|holdout7|tune14|holdout8|tune15|tune16|holdout9|tune17|tune18h|tune19h|holdout10|tune21h|tune20|tune22|tune23|tune24|tune25h|holdout11|tune26|tune27h|holdout12|tune28|tune29h|holdout13|tune31h|tune30|tune32h|holdout14|tune33|tune34h|tune35|tune36|holdout15|tune37|holdout16|tune40|tune43|holdout17|tune44|holdout17b|tune46|holdout18|tune47|tune48h|holdout18l|tune49l|holdout19|tune50|holdout19h|tune51h|holdout19b|holdout20|tune52|holdout20h|tune53h|tune54|holdout21|tune55|holdout21b|tune56|holdout21h|tune57h|tune58|holdout22b|tune60|holdout22h|tune61h|holdout22|tune59|holdout22p|tune61|tune62h|holdout23|tune64|holdout23b|tune65|holdout23h|tune66h|tune68|tune69h|tune67|holdout24b|tune72|holdout24|tune70|holdout24p|tune71|holdout24h|tune73h|tune74|tune75h|holdout25b|tune77|holdout25h|tune76h|holdout25p|tune76|holdout25|tune78|holdout27h|tune77h|holdout27p|tune79|holdout26hr|holdout26b|tune82|holdout28b|tune84|holdout29b|tune87|holdout30b|tune90|holdout31b|tune94|holdout33b|tune97|holdout26h|tune78h|holdout26p|tune81|holdout26|tune80|holdout28p|tune83|holdout29p|tune86|holdout30p|tune88|holdout31p|tune93|holdout32p|tune95|holdout33p|tune98|holdout34p|tune99|holdout35p|holdout35b|tune101|tune101b|holdout36p|tune102|tune102b|holdout28h|tune79h|holdout29h|tune80h|tune81h|holdout29|tune85|tune83h|tune89|holdout30h|tune82h|tune84h|holdout30|tune91|holdout31h|tune85h|tune86h|holdout31|tune92|holdout32h|tune87h|holdout33h|tune88h|tune89h|holdout34h|tune90h|tune90hb|holdout35h|tune91h|tune91hb|holdout33|tune96|holdout35|tune100|tune100b|all] [--show]
    PYTHONPATH=. python bench/eval_insight.py hotspots [--split …] [--show]
    PYTHONPATH=. python bench/eval_insight.py replies [--split rdev1|rdev2|rdev3|rdev4|rhold1|rhold2|rdev5|rhold3|rdev6|rdev7|rdev8|rhold4|rdev9|rdev10|rhold5|rdev11|rhold6|rdev12|rdev13|rhold7|rdev14|rdev15|rhold8|rdev16|rhold9|rdev17|rdev18|rhold10|rdev19|rdev20|rhold11|rdev21|rhold12|rdev22|rhold13|rdev23|rhold14|rdev24|rhold15|rdev25|all] [--show]
    PYTHONPATH=. python bench/eval_insight.py kb [--split dev|holdout|holdout2|kbdev3|kbhold3|kbdev4|kbhold4|kbdev5|kbhold5|kbdev6|kbhold6|kbdev7|kbdev8|kbhold7|kbdev9|kbhold8|kbdev10|kbhold9|kbdev12|kbhold10|kbdev13|kbhold11|kbdev14|kbhold12|kbdev15|kbhold13|kbdev16|kbhold14|kbdev17|kbhold15|kbdev18|kbhold16|kbdev19|kbhold17|kbdev20|kbhold18|kbdev21|all]

Splits: ``dev`` (tuning material), ``holdout`` (kept aside by the first session; since looked at, now
tuning material too), ``tune`` (tuning material), ``holdout2`` (held out by the second and third rounds;
tuning material since the fourth), ``holdout3`` (written by the fourth round before its tuning and held out
for five waves; retired to tuning in the eighth wave after holdout8 was written),
``tune10`` and ``tune11`` (tuning material of the sixth round) and ``holdout4`` (written by the sixth round
before any of its tuning; held out as holdout3 was), ``tune12`` (tuning material of the seventh round) and
``holdout5`` (written by the seventh round before any of its tuning or reading of concepts.toml; held out
like holdout3), ``holdout6`` (written by the eighth round before any of its tuning or reading of
concepts.toml, synonyms.toml or the place code; held out as holdout3 was) and ``tune13`` (tuning material of the
eighth round, written right after holdout6), ``holdout7`` (written by the ninth round before any of its
tuning or reading of concepts.toml, synonyms.toml or the place code; held out as holdout3 was) and ``tune14``
(tuning material of the ninth round, written right after holdout7), ``holdout8`` (written by the eighth wave
before any of its tuning or reading of concepts.toml, synonyms.toml, landmarks.toml or the place code; held
out like holdout7: ``--show`` refuses it, and ``all`` leaves it out so that no tuning run reads it) and
``tune15`` (tuning material of the eighth wave, written right after holdout8), ``tune16`` (tuning material of
issue-12s: outages over the estates of one area, with near-misses), ``holdout9`` (in repeats.tsv, written by the
ninth wave's repeats helper (wave9-12r) before any of its tuning or reading of concepts.toml, synonyms.toml,
landmarks.toml or the place code; held out like holdout8) and ``tune17`` (its tuning material, written right after
holdout9, with a second batch of near-misses written after the first changes); in hotspots.tsv ``holdout9``
(written by the ninth wave's hotspots helper before any of its tuning or reading of concepts.toml,
synonyms.toml, landmarks.toml or the place and hotspot code: an outage over one area's estates, one road's
potholes, a school gate, a market's smell, a bus line change, a park's dancing; held out like holdout8) and
``tune18h`` (its tuning material, written right after holdout9), and ``tune19h`` (hotspots only: tuning material of
the ninth wave's second hotspots round, written before reading any of its misses), ``holdout10`` (in
hotspots.tsv, written by the tenth wave's hotspots helper (wave10-12h) before any of its tuning or reading of
concepts.toml, synonyms.toml, landmarks.toml or the place and hotspot code: an area's water cut, one road's
potholes, a refuse station's smell, a metro app outage, a school gate's parking, a bus line change; held out like
holdout8); in repeats.tsv ``holdout10``
(written by the tenth wave's repeats helper (wave10-12r) before any of its tuning or reading of concepts.toml,
synonyms.toml, landmarks.toml or the place and matter code; held out like holdout8) and ``tune20`` (its tuning
material, written right after holdout10); ``tune22`` (repeats: the tenth wave's place-name round's tuning material: one place said as an abbreviation, with one character of the same sound or with another kind, and near-misses); and ``tune21h`` (hotspots only: the hotspots helper's tuning material, written right after its holdout10); and ``tune23``
(repeats: the second round's tuning material of hard negatives — two problems at one estate, one problem at two
estates of one name stem, two crossings sharing a road — written by wave10-r2h); ``tune24`` (repeats: the third round's recall material — one matter said at an estate and at
the landmark, metro exit or crossing outside it, in official words and as experience, with background added —
written by wave10-r3r); and ``tune25h`` (hotspots only: the third hotspots round's tuning material —
places at several granularities, problems in words of experience, a matter growing over three days —
written by wave10-r3h); in repeats.tsv ``holdout11`` (written by the eleventh wave's repeats helper (w11-rep)
before any of its tuning or reading of concepts.toml, synonyms.toml, landmarks.toml or the place and matter code;
held out like holdout8) and ``tune26`` (its tuning material, written right after holdout11: repeats in citizens'
other words, for recall); in hotspots.tsv ``holdout11`` (written by the eleventh wave's hotspots helper (w11-hot) before
any of its tuning or reading of concepts.toml, synonyms.toml, landmarks.toml, insight.toml or the place and hotspot
code: a burst main at one estate told as cause and as consequence, a site's night work beside it, a gas fault spreading
over one district's neighbourhoods, a city-wide medical-insurance outage, a refuse station's smell over the week, a
district's tap water smell spreading; held out like holdout8) and ``tune27h`` (its tuning material); in repeats.tsv
``holdout12`` (written by the twelfth wave's repeats helper (w12-rep) before any of its tuning or reading of
concepts.toml, synonyms.toml, landmarks.toml or the place and matter code: one matter in really different words, a place
at another granularity, phone transcripts, long against one line, with hard negatives; held out like holdout8) and ``tune28`` (its tuning material, written right after holdout12); in hotspots.tsv
``holdout12`` (written by the twelfth wave's hotspots helper (w12-hot) before any of its tuning or reading of
concepts.toml, synonyms.toml, landmarks.toml, insight.toml or the place and hotspot code: a site's night work at one
place told in many words, refuse left uncollected over one area's estates, a city-wide housing-fund system outage, a
road subsidence growing over days, a transformer fire at one estate told as cause and as consequence, a road closure
told by its effects, with near-misses; held out like holdout8) and ``tune29h`` (its tuning material, written right
after holdout12, with a second batch written after the first changes) and in hotspots.tsv ``holdout13`` (written by the thirteenth wave's hotspots helper (w13-hot)
before any of its tuning or reading of the word lists or the place and hotspot code: an area's power outage named by
estate, road and area, a crossing's traffic lights down told by their effects, a night chemical smell over one
development zone's estates for a week, a city-wide bus ride-code outage, a bus route's stops dropped told over days, a
school gate's road works, with near-misses at the same places; held out like holdout8) and ``tune31h`` (its tuning
material, written right after holdout13) and ``tune32h`` (tuning material of the thirteenth wave's second hotspots
round: night muck trucks along one road over a week, an area's roads closed told by their effects, a metro breakdown
told by riders who do not say anything failed); in repeats.tsv ``holdout13`` (written by the thirteenth wave's repeats helper (w13-rep) before any of its tuning or reading of concepts.toml, synonyms.toml,
landmarks.toml or the place and matter code: a crossing said by a road's nickname, an estate by its town, a school by its
number, a campus by its old name, with hard negatives; held out like holdout8) and ``tune30`` (its tuning material, written right after holdout13, with a second batch written after the first changes: one problem at one place in really different words); in repeats.tsv ``holdout14`` (written by the fourteenth wave's repeats helper (w14-rep) before any of its tuning or reading of concepts.toml, synonyms.toml,
landmarks.toml or the place and matter code: phone transcripts, a place at another granularity, cause against consequence, long against one line, typos, with hard negatives — two neighbours' appeals opening with one area, numbered estate parts, one topic at another place; held out like holdout8) and ``tune33`` (its tuning material, written right after holdout14), and ``tune35`` (the fourteenth wave's second repeats helper's tuning material, no new clean part: one place said by a landmark beside it, a scrap yard told by its obstruction and by its rubbish, a loose fixture told by its rattle and by its danger, an escalator against a lift at one place, an outage over an area's estates), and ``tune36`` (the fourteenth wave's place-alias helper (w14-alias), no new clean part: one place said in two ways — an area by two names (光谷 / 东湖高新 / 关山, 经开区 / 沌口 / 武汉经济技术开发区), an estate with or without its area, a landmark by its short form (沌口万达, 二桥, 江滩, 绿道) — with hard negatives: two estates of one area, two areas on one day, two stations, two bridges). In kb.tsv
``kbdev4`` and ``kbhold4`` (the twelfth wave's knowledge-base helper: 54 more articles, many close neighbours of
earlier ones, and paraphrases of new and old articles written before reading insight/kb.py or synonyms.toml;
``kbdev4`` is tuning material, ``kbhold4`` — citizens' words: slang, wrong official names, typos, rambling, a
situation instead of the service — is held out like kbhold3); ``kbdev5``, more tuning paraphrases in citizens' words, one per article, written by the same helper after its first changes); ``kbhold5`` (written by the twelfth wave's second knowledge-base helper (kb2) over the 102 articles before reading insight/kb.py, synonyms.toml or any other question split: another voice — elderly people, migrants, parents, small shop owners — a life situation instead of the service, wrong official names, dialect, typos, long rambling calls; held out like kbhold3) and ``kbdev6`` (its tuning material, written right after: life events, dialect, wrong official names); ``kbhold6`` (the thirteenth wave's knowledge-base helper: one paraphrase per article written from the titles only, before reading insight/kb.py, synonyms.toml or any other question split — operators' call notes, very short searches, typos, Wuhan dialect, asking for someone else, a situation instead of the service; held out like kbhold3) and ``kbdev7`` (its tuning material, written right after: complaints that hide a question, yes/no questions, abbreviations, amounts and ages, a third person's situation), and ``kbdev8`` (tuning paraphrases of the 16 articles that helper added; the articles carry unit / source / valid rows, not searched); ``kbhold7`` (the fourteenth wave's knowledge-base helper: one paraphrase per article written from the titles only, before reading insight/kb.py, synonyms.toml or any other question split's rows — colloquial questions with background, long calls, short searches, typos and homophones, wrong official names, Wuhan dialect; held out like kbhold3) and ``kbdev9`` (its tuning material, written right after, with eight more batches written after the first changes: the 外地户口 situation, long calls over the wave-11 and wave-12 articles, 农村, short questions between neighbours, slang and official names, situations told instead of the service, details the answers give; and paraphrases of the 8 articles that helper added). ``kbhold8`` (the fifteenth wave's knowledge-base helper: 108 questions as citizens ask a 12345 centre — phone transcripts, short searches, typos, wrong official names, dialect — written from the titles only before reading insight/kb.py, synonyms.toml or any other question split's rows; a third of them on topics the base lacked (预约挂号, 公交地铁, 失物, 医保转移, 无房证明, 发票, 水电费, 业委会, 社保补缴 …), labelled with the articles written for them afterwards; held out like kbhold3) and ``kbdev10`` (its tuning material, written right after: other paraphrases and topics). ``kbhold9`` (the sixteenth wave's knowledge-base helper: 112 questions, one per article over 112 articles, written from the titles only before reading insight/kb.py, synonyms.toml or any other question split's rows — phone transcripts, long calls with family background, short searches, new typos and homophones, everyday names, Wuhan dialect; held out like kbhold3) and ``kbdev12`` (its tuning material, written right after in six batches, each before reading its results: the articles kbhold9 left out, close neighbours told as situations, the three articles that helper added, homophones with filler, operators' call notes and short searches, the wave-11 neighbour pairs). In hotspots.tsv ``holdout14`` (written by the fourteenth wave's hotspots
helper (w14-hot) before any of its tuning or reading of the word lists or the place and hotspot code: an area's power
outage named by estate, road and area, a road's works over a week told as night noise, mud, dust, a moved stop and lost
trade, a city-wide social-insurance payment outage on its last day, a river's stink over one area for a week, lake flies
spreading along a lake's shore over two days, a burst main told as cause and as consequence, with near-misses at the
same places; held out like holdout8) and ``tune34h`` (its tuning material, written right after holdout14). In hotspots.tsv
``holdout15`` (written by the fifteenth wave's hotspots helper (w15-hot) before any of its tuning or reading of the word
lists or the place and hotspot code: a water outage over one district's estates each naming its own, a city-wide school
registration outage, a park's dancing noise over a week, a gas leak at one estate, a refuse station's stink over a week,
a rainstorm flooding many roads within hours, with near-misses at the same places; held out like holdout8) and
``tune38h`` (its tuning material, written right after holdout15); in repeats.tsv ``holdout15`` (written by the
fifteenth wave's repeats helper (w15-rep) before any of its tuning or reading of the word lists or the place and matter
code: a landmark against the road it stands on, estates named without their area, cause vs consequence, phone
transcripts, a place at another granularity, slang and typos, with hard negatives; held out like holdout8) and
``tune37`` (its tuning material, written right after holdout15); ``tune39h`` (hotspots only: the second
hotspots round's tuning material: a storm's flooding over one district in an evening, a smell over one district's
estates in an evening, one area's outage told under its several names, with near-misses). In hotspots.tsv
``holdout16`` (written by the sixteenth wave's hotspots helper (w16-hot) before any of its tuning or reading of the
word lists or the place and hotspot code: a night chemical smell over one development zone on three nights, a city-wide
water-bill payment outage, a gas supply cut over one lake area's estates, a fire's smoke drifting over one district's
towns, shared bikes piled at one metro exit over a week, a city-wide medical-insurance settlement outage, with
near-misses at the same places and other services failing at the same time; held out like holdout8) and ``tune41h``
(its tuning material, written right after holdout16), ``tune42h`` (tuning material of the sixteenth wave's second
hotspots round: different problems at one place within hours, burst mains told by their effects); in repeats.tsv ``holdout16`` (written by the
sixteenth wave's repeats helper (w16-rep) before any of its tuning or reading of the word lists or the place and matter
code: a road against the landmark or campus on it, a station by its area's name, an estate said as "our estate" with its
area, cause vs consequence, phone transcripts, a long letter, with hard negatives — another problem at one place, one
topic at a nearby or similarly named place, another building of one estate, another bank's 江滩, another station; held
out like holdout8) and ``tune40`` (its tuning material, written right after holdout16); ``tune43`` (tuning material of the
sixteenth wave's second repeats round: stops, landmarks and bridges by their area or road, greenway sections, lake
pollution, one area under two names, with hard negatives); in repeats.tsv ``holdout17`` (written by the seventeenth
wave's repeats helper (w17-rep) before any of its tuning or reading of the word lists or the place and matter code:
one matter told by an estate, the road outside it, a metro exit, the area or a nickname, a landmark by its area, a lake
named first, one area under two names, one problem in very different words, with hard negatives — another problem at
one place, one problem at a neighbouring place, lake, station, section or bank; held out like holdout8) and ``tune44``
(its tuning material, written right after holdout17). In hotspots.tsv ``holdout17`` (written by the
seventeenth wave's hotspots helper (w17-hot) before any of its tuning or reading of the word lists or the place and
hotspot code: low water pressure over one big estate's parts in an evening, taxis overcharging at one railway station
over a week, one road's potholes over three days, one bus route's long gaps told from its stops, a city-wide
street-parking payment app outage, illegal fireworks over one district's towns in a night, one road's street lights
out, with other matters at the same places and the same matters elsewhere; held out like holdout8) and ``tune45h``
(its tuning material, written right after holdout17); in hotspots.tsv ``holdout17b`` (written by the seventeenth
wave's second hotspots round (w17-hot2) before any of its tuning or reading of the hotspot code, the word lists or
holdout17's rows: a night stink over one area on three nights with guessed sources, one bus route passing one stop
over the week with other matters on the route, a city-wide traffic-police app outage in a day, a road closed told
only by its effects, a week-long night resurfacing of one road; held out like holdout8); in repeats.tsv ``holdout17b`` (written by the seventeenth
wave's second repeats helper (w17-rep2) before any of its tuning or reading of holdout17's rows, the word lists or the
place and matter code: a street against the landmark or area it is in, a neighbourhood by its nickname or a nearby
street, a station by its exit and line, a lake by its area, one problem in other words, with hard negatives — another
problem at one place, the same problem at a neighbouring place; held out like holdout8) and ``tune46`` (its tuning
material, written right after holdout17b); in repeats.tsv ``holdout18`` (written by the eighteenth wave's repeats
helper (w18-rep) before any of its tuning or reading of the word lists or the place and matter code: one matter told
3–4 times in other problem words and other place wording — an estate against the road, the street office, the area or
a landmark, a station against its exit or crossing — with hard negatives: another problem at one street office
(四新 / 积玉桥 / 宗关), estate or landmark, one problem at another estate of one street office, noise against fumes
from one shop, street lamps against a power cut; held out like holdout8) and ``tune47`` (its tuning material, written
right after holdout18); in repeats.tsv ``holdout18l`` (written by the eighteenth wave's landmarks helper (w18-lm)
before reading the gazetteer's tables: one matter told 2–3 times naming the place differently — a landmark against its
road, its area, its nickname or a nearby station (群光广场 / 街道口, 归元寺 / 钟家村, 首义广场 / 彭刘杨路 / 红楼,
吴家山 / 临空港大道, 光谷广场 / 鲁巷 / 光谷转盘, 汉口站 / 金家墩) — with near-misses: the same problem at another
landmark of the same road or area, and background singles; held out like holdout8) and ``tune49l`` (its tuning
material, written after the gazetteer's new tables); in repeats.tsv ``holdout19`` (written by the nineteenth wave's
repeats helper (w19-rep) before any of its tuning or reading of the word lists or the place and matter code: 27 matters
told 2–3 times by a landmark, a nickname, the road, the area or part of a name, long calls against one line, with hard
negatives — another problem on one road or at one place, one problem at a neighbouring estate, station or greenway
section, two estates of one street office; held out like holdout8) and ``tune50`` (its tuning material, written
right after holdout19's first score); in repeats.tsv ``holdout19b`` (written by the nineteenth wave's second repeats
helper (w19-rep2) before any of its tuning or reading of the word lists or the place and matter code: 13 matters told
2–3 times with the place said differently — a road with its area after it, a town's old name, a bridge and its
approach road, a campus and its street — with near-misses at a neighbouring place and background; held out like
holdout8); in repeats.tsv ``holdout20`` (written by the twentieth wave's repeats helper (w20-rep) before any of its
tuning or reading of the word lists or the place and matter code: 26 matters told 2–3 times by a landmark, a nickname,
the road, the area or part of a name, long calls against one line, with hard negatives — another problem at one place,
one problem at a neighbouring park, station, bridge, lake, campus, road section or area; held out like holdout8) and
``tune52`` (its tuning material, written right after holdout20's first score); ``tune54`` (tuning material of the
twentieth wave's second repeats round (w20-rep2): one matter on a long road said by two names of one spot, hard negatives
of two spots of one road said without a crossing, a burst main against a cave-in at one crossing, uncollected refuse
against burning at one refuse point); in repeats.tsv ``holdout21`` (written by the twenty-first wave's repeats helper
(w21-rep) before any of its tuning or reading of the word lists or the place and matter code: 25 matters told 2–4
times in really different words — cause against consequence, experience against official words, one line against a
long call, an estate against its gate, the road outside or the metro exit — with hard negatives: another problem at
one place, one problem at a neighbouring estate, station, block, school, greenway section or road section; held out
like holdout8) and ``tune55`` (its tuning material, written right after holdout21's first score); in repeats.tsv ``holdout21b`` (written by the twenty-first wave's wrong-merges
helper (w21-rpw) before any of its tuning or reading of the word lists or the place and matter code: 22 matters told 2–3
times, weighted towards hard negatives — two problems at one place (burning against uncollected rubbish at one refuse
point, a lift's noise against its breakdown, fumes against loudspeakers at one snack street), one problem at two
neighbouring places (two estates of one area, two gates of one campus, two exits of one station, two stretches of one
long road, two numbered parts or two buildings of one estate), one place by two names (a mall's old and new name, an
estate and its phase) — with background; held out like holdout8) and ``tune56`` (its tuning material, written right
after holdout21b's first score: the same kinds of hard negatives at other places); ``tune58`` (tuning material of the second round (w21-rep2), written before its tuning or reading of the word lists, in voices unlike the older splits: a phone call with filler, an elderly caller's story, one line, an angry repeat caller, a formal letter; places at other granularities, with hard negatives); in repeats.tsv ``holdout22b`` (written by the twenty-second wave's wrong-merges helper (w22-rpw)
before any of its tuning or reading of the word lists or the place and matter code: 82 appeals, 26 matters, weighted
towards hard negatives — a landmark on a long road against other stretches of the road, a bus stop's broken shelter
against its queue, two problems at one estate gate, one problem at two neighbouring estates, two exits of one station,
two buildings of one estate or two campuses of one school, a cause at one place against an unrelated consequence
elsewhere, one complaint type in two districts on one day — with repeats in other words and background; held out like
holdout8) and ``tune60`` (its tuning material, written right after holdout22b's first score: other hard negatives and
repeats at other places); in repeats.tsv ``holdout22`` (written by the twenty-second wave's repeats helper (w22-rep) before any of its tuning or reading of concepts.toml, synonyms.toml, landmarks.toml, insight.toml or the place and matter code: 25 matters told 2–4 times in really different words — cause vs consequence, experience vs official words, one line vs a long call, Wuhan speech, an estate said only by its area, a landmark by its nickname or area, a town by its old name — with hard negatives and background; held out like holdout8) and ``tune59`` (its tuning material, written right after holdout22's first score: other matters of the same kinds, many an estate said by the area it lies in, with two estates of one area told with two problems); in repeats.tsv ``holdout22p`` (written by the twenty-second wave's problem-words repeats
helper (w22-rep2) before any of its tuning or reading of the word lists or the matter code: 64 appeals, 18 matters each
at one clearly named place, the problem told in really different words — by its effect on the citizen, by the object,
in slang or Wuhan speech (黑咕隆咚, 冇得光), in an official's words, in a phone call's fillers — with 12 hard negatives
(another problem at the same place) and background; held out like holdout8) and ``tune61`` (its tuning material,
written right after holdout22p's first score: other problems at other places in other words); in repeats.tsv ``holdout23`` (written by the twenty-third wave's
repeats helper (w23-rep) before any of its tuning or reading of the word lists or the place and matter code: 97
appeals, 25 matters told 2–5 times in really different words with the place said different ways — a road and a landmark
on it, a crossing and its corner shop, an estate and its gate, a metro exit and its station, an area and an estate in
it, a transformer or main on a road and the estate cut off beside it — with hard negatives and 21 background appeals;
held out like holdout8) and ``tune64`` (its tuning material, written right after holdout23's first score: other
matters of the same kinds); in repeats.tsv ``holdout23b``
(written by the twenty-third wave's wrong-merges helper (w23-rpw) before any of its tuning or reading of the word lists or
the place/matter code, weighted towards hard negatives: an estate said vaguely as 我们小区 in a large area (光谷, 后湖)
against a named estate's same problem within a day, one citizen's different matters, one estate's buildings with the
same kind of trouble, one place's two problems told in overlapping words, one problem at a neighbouring place; with
repeats in other words and background; held out like holdout8) and ``tune65`` (its tuning material, written right
after holdout23b's first score: other hard negatives of the same kinds); in repeats.tsv ``tune68`` (tuning material of
the second recall helper (w23-rep2), written before its changes: a metro station named after its road said by its
gate, a landmark's road said as the road beside it, an estate after 某地的 without a developer's brand, a scenic area said
two ways; with hard negatives and background); ``tune67`` (tuning material of
the twenty-third wave's second wrong-merges helper (w23-rpw2): a home said vaguely in an area against a listed estate
of that area, one matter for an area-wide problem and two for one estate's own); in repeats/wave24-w24-rpw.tsv ``holdout24b`` (written by the
twenty-fourth wave's wrong-merges helper (w24-rpw) before any of its tuning or reading of the word lists or the
place/matter code, weighted towards hard negatives: the same topic at a nearby place — two stations of one metro line,
two gates of one park or campus, two squares of one station, two estates or stops of one road, two crossings of one
road in one storm — another problem at one building, site, garage, school gate, market or shop, one citizen's two
matters, an old matter against a new one weeks later; with true repeats and background; held out like holdout8) and
``tune72`` (its tuning material, written right after holdout24b's first score: other hard negatives of the same kinds); in repeats/wave24-w24-rep.tsv ``holdout24`` (written by
the twenty-fourth wave's repeats helper (w24-rep) before any of its tuning or reading of the word lists or the place and
matter code: 102 appeals, 25 matters told 2–5 times with the problem in really different words — its consequence, its
cause, a colloquial or Wuhan word, a sound, a phone transcript, a long letter with the problem in one sentence, official
words — the place said mostly alike, with hard negatives (another problem at one place, one problem at another place
within the day) and 22 background appeals; held out like holdout8) and ``tune70`` (its tuning material, written right
after holdout24's first score and before reading the code: other matters at other places, the problem in other words,
with hard negatives and background; a second batch written after the first changes, before scoring it: Wuhan speech,
phone calls, a long letter with the problem in one sentence). With ``all`` each split keeps its own labels
and its own time line (see :func:`read_repeats`).
In repeats/wave24-w24-rpl.tsv ``holdout24p`` (written by the twenty-fourth wave's place-side recall helper (w24-rpl)
before any of its tuning or reading of the word lists, landmarks.toml, roads.csv or the place and matter code: 102
appeals, 26 matters told 2–4 times with one place said different ways — an estate, its gate and its phase; a road and a
landmark on it; a crossing said both ways round; a shop by its name and by its street number; a metro exit and its
station; a university or hospital by full name, short name or nickname; 对面 / 旁边 another place; a one-character
typo; an area said alone and estates named after it; a numbered branch road — with hard negatives (the sibling
numbered road, the next crossing, another station's exit, another estate of one name stem) and background; held out
like holdout8) and ``tune71`` (its tuning material, written right after holdout24p's first score: other matters of
the same kinds at other places). In repeats/wave24-w24-rep2.tsv ``tune74`` (tuning material of the twenty-fourth
wave's second repeats-recall helper (w24-rep2): phone calls saying the place in passing, a road's stretch named by its
area, a short estate head against its full name, a landmark said only by its kind, problems told by consequence). In repeats/wave25-w25-rpw.tsv
``holdout25b`` (written by the twenty-fifth wave's wrong-merges helper (w25-rpw) before any of its tuning or reading of
the word lists or the place and matter code, weighted towards hard negatives: the same problem at a near but different
place — two estates of one developer, two gates of one park or hospital, two buildings of one estate with their own
roof leak or lift, two stretches, manholes, stops or crossings of one road — another problem at one place — a site's
night piling against its dust, a flat's leak against a burst main at the gate, a gas cut against a gas smell — one place
and problem in another episode weeks later, one citizen's several matters, template-like appeals (关于XX的问题：…) about
different things; with true repeats and background; held out like holdout8) and ``tune77`` (its tuning material, written
right after holdout25b's first score: other hard negatives of the same kinds at other places).
In repeats/wave25-w25-rpl.tsv ``holdout25p`` (written by the twenty-fifth wave's place-side recall helper (w25-rpl)
before any of its tuning or reading of the place and matter code, landmarks.toml or roads.csv: 108 appeals, 25
matters told 3 times with one place said different ways — a landmark by its kind and a direction (体育场那边, 医院后门,
公园西门, 大桥底下), a road's stretch by its area, an estate's phase or short name, a building by its shop, a metro exit
by its letter and by the mall above it, an estate by its developer or its old name — with hard negatives (another place
of one kind, another stretch of one road, another exit of one station, another estate of one developer or number,
another problem at one place) and background; held out like holdout8) and ``tune76`` (its tuning material, written
right after holdout25p's first score: other matters of the same kinds at other places).
In repeats/wave25-w25-rpl2.tsv ``holdout27p`` (written by the twenty-fifth wave's second place-side helper (w25-rpl2)
before reading the place and matter code, landmarks.toml or roads.csv: 62 appeals, 14 matters told 3–4 times naming
one place differently — a metro exit by its letter and by the mall above it, a building by the shop under it, a short
name that is also a word, an old name, a landmark by its hill, a developer said alone, a school by its number or its
gate — with hard negatives (another station or exit, another school number, another estate of one developer) and
background; held out like holdout8) and ``tune79`` (its tuning material: other places of the same kinds).
In repeats/wave26-w26-rpb.tsv ``holdout26b`` (written by the twenty-sixth wave's wrong-merges helper (w26-rpb) before
any of its tuning or reading of the place and matter code, the word lists, landmarks.toml or roads.csv: 71 appeals,
weighted towards hard negatives — a gas cut against a gas smell at one estate, a leak from the flat upstairs against a
burst main at the gate, two shops of one street, one problem at two gates of one campus, a lift or a pothole failing
again weeks later, a consultation about a service against a complaint about it, one road's stretches in two districts,
one developer's two estates, two units of one building, one citizen's two matters, template-like appeals — with 21 true
repeat pairs and background; held out like holdout8) and ``tune82`` (its tuning material, written right after
holdout26b's first score, in four batches each written before it was scored: other hard negatives of the same kinds
at other places, with true repeats).
In repeats/wave26-w26-rpp2.tsv ``holdout28p`` (written by the twenty-sixth wave's second place-side helper (w26-rpp2)
before reading the place and matter code, landmarks.toml or roads.csv: 65 appeals, 15 matters told 3 times naming one
place differently at other places than holdout26p — a landmark by its nickname, a developer said alone, an estate by
its developer's tower, a school by its short or numbered name, a hospital said short with its gate, a road stretch by
its bus stop, a river or lake stretch by what stands by it — with hard negatives (the same kind of name at another
place) and background; held out like holdout8) and ``tune83`` (its tuning material: other places of the same kinds).
In repeats/wave26-w26-rpb2.tsv ``holdout28b`` (written by the twenty-sixth wave's second wrong-merges helper (w26-rpb2)
before reading the place and matter code or the word lists: 66 appeals, mostly hard negatives of kinds holdout26b has
not — two problems at one estate in one day (停水 against 水质发黄, 停电 against its street lamps, 电梯困人 against a
noisy or pinching lift), one road's two crossings or two ends, two buildings or units of one estate for an in-building
matter, a consultation against a complaint about one service, one matter at two estates of one name in two districts,
a neighbour dispute against a public nuisance at one address, two campuses of one hospital — with 21 true repeat
groups and background; held out like holdout8) and ``tune84`` (its tuning material, written right after holdout28b's
first score: other hard negatives of the same kinds at other places, with true repeats).
In repeats/wave27-w27-rpb.tsv ``holdout29b`` (written by the twenty-seventh wave's wrong-merges helper (w27-rpb)
before reading the place and matter code or the word lists: 71 appeals, mostly hard negatives — one place with another
problem that shares words (a street light out against a light too bright into a bedroom, a burst main against a water
bill, a bar's noise against its smokers), one problem at near places (two gates or two buildings of one estate, two
shops next door), one problem at one place weeks after it was mended, two sub-problems of one object (a lift holding
people against its expired inspection sticker) — with 12 true repeat pairs and background; held out like holdout8)
and ``tune87`` (its tuning material, written right after holdout29b's first score: other hard negatives of the same
kinds at other places, with true repeats).
In repeats/wave27-w27-rpb2.tsv ``holdout30b`` (written by the twenty-seventh wave's second wrong-merges helper
(w27-rpb2) before reading the place and matter code or the word lists: 70 appeals, mostly hard negatives at ONE place
with different objects or problems that share words — a metro station's lift against the footbridge's lift beside it, a
road's lamps against a shop sign's light, bins overflowing against builders' rubbish dumped, a bus late against its
driver rude or its shelter broken, a lamp out against a manhole cover gone at one gate — with 8 true repeat pairs and
background; held out like holdout8) and ``tune90`` (its tuning material: other places of the same kinds).
In repeats/wave28-w28-rpb.tsv ``holdout31b`` (written by the twenty-eighth wave's wrong-merges helper (w28-rpb)
before reading the place and matter code or the word lists: 99 appeals, mostly hard negatives at one place sharing many
words — a lift holding people against its inspection sticker, a water cut against a water bill, a barbecue's noise
against its fumes, a road's potholes against its lamps, cars on a pavement against a car park's fee, a school's canteen
against its bus, two dogs' owners at one estate, one problem at two buildings or gates of one estate, a pothole or water
cut again a month after — with 20 true repeat pairs and background; held out like holdout8) and ``tune94`` (its tuning
material: the same kinds at other places).
In repeats/wave29-w29-rpb.tsv ``holdout33b`` (written by the twenty-ninth wave's wrong-merges helper (w29-rpb)
before reading the place and matter code or the word lists: 51 appeals, mostly hard negatives sharing place and topic —
two shops next door, two buildings of one estate, two ends of one road, a water cut against another three weeks later,
a bar's noise against its smokers, a lamp out against one too bright, a fee rise complained of against a consultation
about it, neighbouring estates with similar names, a station's taxis refusing fares against black cabs and a detour, a
metro site's night work against its dust and another site, two crossings of one road — with 13 true matters told 2–3
times (21 pairs) and background; held out like holdout8) and ``tune97`` (its tuning material: the same kinds at other
places).
In repeats/wave27-w27-rpp.tsv ``holdout29p`` (written by the twenty-seventh wave's place-side helper (w27-rpp) before
reading the place and matter code, landmarks.toml or roads.csv: 88 appeals, 20 matters told 3–4 times naming one place
in other ways all over 武汉's districts — a mall by its road and number, its metro station, its abbreviation or the
supermarket in it, a temple by its area, a park's gate by the dyke beside it, a 街坊 building in digits or Chinese
numbers, a lane behind a school, a crossing said two ways, a road's stretch between two crossings, an estate's phase and
building told differently, the shops opposite a hospital, typos — with 12 near-but-different places standing alone (the
other side of the road, the next mall, gate, 街坊, school, estate building, metro exit or stretch); held out like
holdout8) and ``tune86`` (its tuning material: other places named in the same kinds of ways).
In repeats/wave27-w27-rpp2.tsv ``holdout30p`` (written by the twenty-seventh wave's second place-side helper (w27-rpp2)
before reading the place and matter code, landmarks.toml or roads.csv: 91 appeals, 23 matters told 3–4 times naming one
place in other ways in all of 武汉's districts — a hospital, a university or a software park by its road and number, a
metro exit by the mall above it, a mall by its station or area, a street, market, estate or park with and without its
suffix (美食街, 小吃街, 大市场, 花园, 湿地公园, 街头博物馆), a museum or a square by its old name, a stall told by its
fumes and by its tables on the path, typos — with 9 near-but-different places standing alone (another gate, exit,
campus, street of the area, hospital of the road, branch of the chain) and background; held out like holdout8) and
``tune88`` (its tuning material: other places named in the same kinds of ways).
In repeats/wave29-w29-rpp2.tsv ``holdout34p`` (written by the twenty-ninth wave's second place-side helper (w29-rpp2)
before reading the place and matter code, concepts.toml, landmarks.toml or roads.csv: 42 appeals, 10 matters told 3–4
times with the place and problem words w29-rpp left — a road's stretch said 前面那段, an estate named only by its
developer (福星那个小区), a mall said brand+商场, 旁边 vs 对面 of one hospital, black cabs touting vs parked, a bus-stop
sign dark vs broken, a dug-up road left open, worn zebra crossings, grease poured into a drain — with 6
near-but-different places standing alone and 2 background appeals; held out like holdout8) and ``tune99`` (its tuning
material: other places and problems of the same kinds).
In repeats/wave30-w30-rpb.tsv ``holdout35p`` and ``holdout35b`` (written by the thirtieth wave's place-side
wrong-merges helper (w30-rpb) before reading the place and matter code, concepts.toml, landmarks.toml or roads.csv:
holdout35p, 77 appeals, 24 matters told 2–3 times naming one place in other ways — a mall said short (武广, 群光,
销品茂), a campus said 华科 / 华工 / 武大, a hospital by its road and number, 汉口站 / 汉口火车站, a crossing by its two
roads against the landmark at it, a food street by its road, typos (光骨, 许东, 钟家春, 谭华林), 古田2路, an estate's
part in digits and Chinese numbers — with 14 near-but-different places standing alone (the mall next door, the
station's other square, a university's other gate or campus, the road's next crossing, the hospital down the road, a
park of similar name, the adjoining street, the estate's next part) and 2 background appeals; holdout35b, 42 appeals,
mostly hard negatives sharing place and topic — a lift holding people against its overdue sticker, lights out against
lorries running the red at one crossing, two ends of one road, a water cut against a water bill, two gates of one
estate, a restaurant's fumes against its air-conditioner, two branches of one supermarket, two phases of one estate,
two exits of one station, a bus line's rude driver against its waits, an outage against another weeks later — with 4
true matters told twice; both held out like holdout8) and ``tune101`` / ``tune101b`` (its tuning material and the
batch kept aside until the end: the same kinds at other places).
In repeats/wave30-w30-rpp2.tsv ``holdout36p`` (written by the thirtieth wave's second place-side helper (w30-rpp2)
before reading the place and matter code, concepts.toml, landmarks.toml or roads.csv: 54 appeals, 15 matters told 2–3
times naming one place in other ways — 江滩 said alone, the provincial people's hospital without 省 or by its road, a
bus stop with its line or its road, an estate after a landmark and 旁边, 丁字桥路口 / 丁字桥, a metro exit with and
without its line, 二桥, 王家敦 / CBD, 国广, a hospital by its road — with 14 near-but-different places standing alone
(the other 江滩, the hospital's other campus, the next stop of the road, the next building, the station's other exit,
the other bridge, the similar road, the other hospital of the road) and 2 background appeals; held out like holdout8)
and ``tune102`` / ``tune102b`` (its tuning material and the batch kept aside until the end: the same kinds at other
places).
In repeats/wave29-w29-rpp.tsv ``holdout33p`` (written by the twenty-ninth wave's place-side helper (w29-rpp) before
reading the place and matter code, landmarks.toml or roads.csv: 57 appeals, 13 matters told 3–4 times naming one place
in other ways — an estate's old and new name with its 街坊 in digits and Chinese numbers, a building and unit said 12-3,
十二栋三单元 or 12号楼3门, a supermarket as landmark, a crossing either way, a metro exit with and without its line, a
bus stop with and without its road, a village group said 三组/3组/第三村民小组, a road's stretch either way, a 门牌号 in
Chinese digits, homophones of a place name, an estate by its nickname, an estate's gate, a mall said short — with 10
near-but-different places standing alone and 3 background appeals; held out like holdout8) and ``tune98`` (its tuning
material: other places named in the same kinds of ways).
In repeats/wave28-w28-rpp2.tsv ``holdout32p`` (written by the twenty-eighth wave's second place-side helper (w28-rpp2)
before reading the place and matter code, landmarks.toml or roads.csv: 52 appeals, 12 matters told 3–4 times naming one
place in other ways — a hospital's campus by its area or as 院区/分院, a university's campus by its lake, a bus stop named
after a mall or a university said with and without its kind or short, 青山's 建二 for 建设二路, 中北 for 中北路, 武胜 for
武胜路, an estate without its developer or with its area — with 9 near-but-different places standing alone (the
hospital's other campus, the university's other campus, another stop of the road, 建设一路, 中南路, another footbridge,
another estate of the developer) and 3 background appeals; held out like holdout8) and ``tune95`` (its tuning
material: other places named in the same kinds of ways).
In repeats/wave28-w28-rpp.tsv ``holdout31p`` (written by the twenty-eighth wave's place-side helper (w28-rpp) before
reading the place and matter code, landmarks.toml or roads.csv: 111 appeals, 25 matters told 3–4 times with the problem
said alike and the place said in other ways — an estate by its name, phase, building and unit (12-2, 十二栋二单元),
gate or developer's short name, a road's stretch between two crossings, a crossing by its two roads in either order, a
metro exit with 往前100米, a bus stop, a school or university by its short name, a market by its popular name or a
caller's 我们这边那个菜场, a village by its 组 and 湾, typos — with 23 near-but-different places standing alone (another
phase, part, building, gate, exit, stop, stretch, crossing, 组, 湾, school, market, campus, the neighbouring mall) and 4
background appeals; held out like holdout8) and ``tune93`` (its tuning material: other places named in the same kinds
of ways).
In repeats/wave26-w26-rpp.tsv ``holdout26p`` (written by the twenty-sixth wave's place-side helper (w26-rpp) before
reading the place and matter code, landmarks.toml or roads.csv: 82 appeals, 19 matters told 3 times naming one place
differently — a building by the bank or supermarket on its ground floor, a landmark by its nickname, an old name that
is also a street's, a developer's name without district, an estate's area or phase number, a road's stretch by its
crossing and by its bus stop, a hospital's back gate, a school or university by its short or old name — with hard
negatives (the same kind at another place, another estate of one developer in another district, another area or phase
of one estate, another stretch or crossing of one road, another gate of one campus, another problem at one place) and
background; held out like holdout8) and ``tune81`` (its tuning material: other places of the same kinds).
In repeats/wave25-w25-rep.tsv ``holdout25`` (written by the twenty-fifth wave's repeats helper (w25-rep) before any of
its tuning or reading of the word lists or the matter code: 110 appeals, 26 matters of many departments told 3–5 times
with the problem in other words — its effect, its cause, what was seen, heard or smelled, Wuhan speech, phone
transcripts with homophones, with or without the unit's name, long against one line, complaint against question
(什么时候来水?) — the place said mostly alike, with hard negatives (another problem at one place, a neighbouring
building) and background; held out like holdout8).
In repeats/wave26-w26-rep.tsv ``holdout26`` (written by the twenty-sixth wave's repeats helper (w26-rep) before any of
its tuning or reading of the word lists, the place code or the matter code: 96 appeals, 24 matters of other places and
problems than the older splits told 2–4 times with the problem in other words — how it shows, what it stops, what it
smells or sounds like, a cause instead of the effect, Wuhan speech, phone speech — the place said mostly alike, with
hard negatives (another problem at one place or one shop, the same problem at a neighbouring building or another
place) and background; held out like holdout8) and ``tune80`` (its tuning material, written right after holdout26's
first score: other matters told the same ways at other places).
In repeats/wave27-w27-rep.tsv ``holdout29`` (written by the twenty-seventh wave's repeats helper (w27-rep) before any
of its tuning or reading of the word lists, the place code or the matter code: 96 appeals, 23 matters of other kinds than
the older splits told 3–4 times with the problem in other words — what it does to them, how it looks, sounds or smells,
a child's or an old person's words, a cause instead of the effect, one line against a long call, typos — each at one
place said mostly alike, with hard negatives (another problem at one place, the same problem at a neighbouring
building or another school) and background; held out like holdout8) and ``tune85`` (its tuning material, written right
after holdout29's first score: other matters told the same ways at other places).
In repeats/wave27-w27-rep2.tsv ``holdout30`` (written by the twenty-seventh wave's second repeats helper (w27-rep2)
before any of its tuning or reading of the word lists or the matter code: 96 appeals, 22 matters of uncommon kinds each
at one specific place — an estate's building, a shop, a crossing, a park's gate — told 3–4 times in truly different
words, with 22 appeals that stand alone at the same places with a different problem; held out like holdout8) and
``tune91`` (its tuning material, written right after holdout30's first score: other uncommon matters at other places).
In repeats/wave28-w28-rep.tsv ``holdout31`` (written by the twenty-eighth wave's repeats helper (w28-rep) before any
of its tuning or reading of the word lists or the matter code: 114 appeals, 25 matters of kinds the older splits have
not used told 3–4 times with the problem in other words — its effect on the caller, its look, sound or smell, a cause
instead of the effect, a child's or an old person's words, Wuhan speech, one line against a long call, typos and speech
homophones — each at one place said mostly alike, with hard negatives (another problem at one place, the same problem
at a neighbouring place) and background; held out like holdout8) and ``tune92`` (its tuning material, written right
after holdout31's first score: other matters told the same ways at other places).
In repeats/wave30-w30-rep.tsv ``holdout35`` (written by the thirtieth wave's repeats helper (w30-rep) before any
tuning or reading of insight/matter.py, similar*.py, concepts.toml, synonyms.toml or insight.toml: 98 appeals, 30
matters told 2–4 times at one place said plainly with the PROBLEM in very different words — an outage by its effect
(没水用, 水龙头不出水, 灯不亮冰箱不转, 灶打不着火), noise by the lost sleep, the object named or only described, cause
against effect, long calls, one-liners, typos and Wuhan speech — with 17 hard negatives and background standing alone
(another problem at one of those places, the same problem at another building or estate); held out like holdout8) and
``tune100`` (its tuning material, written right after holdout35's first score: other matters told the same ways at
other places, in three batches, the later two told three and six days after the first) and ``tune100b`` (another batch,
written with the first before any change and kept aside until the end).
In repeats/wave29-w29-rep.tsv ``holdout33`` (written by the twenty-ninth wave's repeats helper (w29-rep) before any
of its tuning or reading of the word lists or the matter code: 58 appeals, 14 matters over water, power, gas, roads,
noise, waste, parking, property, shops, transport, schools and parks told 3–4 times with the problem in other words —
by its effect, by a part of the thing, in Wuhan speech, by what the caller wants done, with typos and homophones —
each at one place said mostly alike, with hard negatives (another problem at one of those places) and background;
held out like holdout8) and ``tune96`` (its tuning material, written right after holdout33's first score: other
matters told the same ways at other places, in three batches, the third kept aside until the end).

In hotspots/wave27-w27-mfix.tsv ``tune83h`` and repeats/wave27-w27-mfix.tsv ``tune89`` (tuning material of the
twenty-seventh wave's merge-interaction fixer (w27-mfix), written after held-out totals located two merge falls: school
uniform charges beside a term's fee going round schools, and w27-rep's kinds of matter told by w27-rpb's aspects' words).

In replies.tsv (reply checks, 工单质检: a citizen's appeal and a unit's answer, labelled weak / ok with the
aspects a weak answer lacks) ``rhold1`` (written by the seventeenth wave's reply-checks helper (w17-reply) before
reading insight/reply.py or its callers: adequate answers of many kinds — done with who and when, refused with the
basis, a plan with its date, transferred with the reason — and weak ones — one-liners, another problem or place,
refusals without a basis, "正在协调", promises without a date, rude answers, templates with no specifics; held out
like holdout8) and ``rdev1`` (its tuning material, written right after, also before reading the code) and ``rdev2``,
``rdev3`` and ``rdev4`` (more tuning material in other voices, each written after a round of changes and before running them
on it); ``rhold2`` (written by the second reply-checks helper (w17-reply2) before reading rhold1's rows or the code:
utilities, police, schools, housing, social insurance and street offices, consultations and complaints; weak ones
answering another object of the same field and implied refusals without a basis; held out like rhold1) and ``rdev5``
(its tuning material, written after it). ``rhold3`` (written by the eighteenth wave's reply-checks helper (w18-reply) before
reading insight/reply.py: long formal answers, consultations answered with the rule, transfers and refusals with
their basis, plans with dates; weak ones: full-looking templates, a neighbouring object or place, refusals told as
completed handling, a promised date already past, blame shifted to an unnamed unit, the law quoted alone; held out
like rhold1) and ``rdev6``, ``rdev7`` and ``rdev8`` (its tuning material, written after it and after the first and second changes).
``rhold4`` (written by the eighteenth wave's second reply-checks helper (w18-reply2) before reading insight/reply.py or
the other splits' rows: long formal answers, consultations answered with the rule, transfers with the reason,
refusals with their basis, plans with dates; weak ones of varied kinds; held out like rhold1) and ``rdev9`` (its
tuning material, written after it) and ``rdev10`` (more, written after the second changes).
``rhold5`` (written by the nineteenth wave's reply-checks helper (w19-reply) before reading insight/reply.py or the
other splits' rows: short and long adequate answers, refusals with their basis, transfers with the reason and the unit;
weak ones off-topic, about a neighbouring matter, 已处理 / 已转相关部门 alone, refusals without a basis, undated promises,
blame on the citizen, boilerplate; held out like rhold1) and ``rdev11`` (its tuning material, written after it, with a second batch written after
reading the code). ``rhold6`` (written by the twentieth wave's reply-checks helper (w20-rq) before reading
insight/reply.py or the other splits' rows: repairs and inspections with unit, date and result, consultations answered
with the rule, refusals with the law and article, transfers with the reason and the receiving unit; weak ones 已处理 /
社区已协调 alone, templates, another problem or place, a neighbouring consultation, bare refusals, passing the buck,
undated plans (择期, 适时, 待资金到位), dismissive answers; held out like rhold1) and ``rdev12`` (its tuning material,
written after it); ``rdev13`` (tuning material of the second round, w20-rq2: another problem of one thing in
other words — 空调不开 / 吸烟, 排队 / 收费, 分量 / 卫生 — with the same appeals answered adequately); ``rhold7`` (written by the
twenty-first wave's reply-checks helper (w21-rq) before reading insight/reply.py or the other splits' rows: formal, brief
and long adequate answers over many departments, consultations answered with the rule, refusals with their basis, plans
with dates; weak ones answering another problem of the same thing, another place or another person's case, templates
with no matter, completeness told in plain words (去看过了, 已经弄好了), bare refusals, undated plans, rude answers; held
out like rhold1) and ``rdev14`` (its tuning material, written after it: the same appeals answered weakly and
adequately). ``rhold8`` (written by the twenty-second wave's reply-checks helper (w22-rq) before reading insight/reply.py
or the other splits' rows: two-part appeals half answered, another place or thing of one appeal, a wrong unit's answer,
已处理 one-liners, templates, bare refusals, undated plans, blame and rude answers; adequate ones short and concrete,
refusals with their rule, transfers with the unit, plans with dates; held out like rhold1) and ``rdev16`` (its tuning
material, written after it). ``rhold9`` (written by the twenty-third wave's reply-checks helper (w23-rq) before reading
insight/reply.py or the other splits' rows: another matter of one place, another place or person, two-part appeals half
answered, bare one-liners, templates, the law quoted alone, bare refusals, undated plans, promised dates before the
visit, blame and rude answers; adequate ones short and long, refusals with their rule, transfers with the unit, plans
with dates; held out like rhold1) and ``rdev17`` (its tuning material, written after it). ``rdev18`` (tuning material
written by w23-rq2 before reading insight/reply.py: utilities, police, schools, hospitals and the housing fund; weak
answers that look complete — a date and a department but not the appeal's thing, 已转交 alone, 不属实 with no finding, a
rule that does not fit —; adequate ones terse or formal). ``rhold10`` (written by the twenty-fourth wave's reply-checks
helper (w24-rq) in replies/wave24-w24-rq.tsv before reading insight/reply.py or the tuning rows: promises with no deed, the citizen pushed
elsewhere with no reason, bare refusals, another question answered, an inspection at the wrong hour, self-contradicting
answers, 已处理 for a request for information, 联系不上来电人 按规定办结, templates, rude answers; adequate ones with
the deed, unit and date, refusals with their rule, a civil matter sent to court with the reason; held out like rhold1) and ``rdev19`` (its tuning material, written after it in other
matters, places and words). In replies/wave24-w24-rq2.tsv ``rdev20`` (tuning material of the second reply-checks
round (w24-rq2), written before reading insight/reply.py: mostly adequate answers of many unit styles — formal, terse,
with the basis quoted, with a plan and a date, refusals with a legal basis — and some weak ones). In
replies/wave25-w25-rq.tsv ``rhold11`` (written by the twenty-fifth wave's reply-checks helper (w25-rq) before reading
insight/reply.py or any split's rows: the right place but another matter, another place, another question of one
field, templates, 已处理 / 已转办 alone, undated promises, bare refusals, rude and blaming answers; adequate ones of many
unit styles, 施划 of crossings and bays among them; held out like rhold1) and ``rdev21`` (its tuning material, written
after it in other matters, places and words). In replies/wave25-w25-rq2.tsv ``rhold12`` (written by the
second reply-checks helper of the twenty-fifth wave (w25-rq2) before reading insight/reply.py or any split's rows: a
reversed trouble answered by its repair, another thing of the same place with no lexicon word on either side, 畅通 as an
answer to a smell, 换证 answered by 补证, another question of one field, templates, bare refusals, undated promises,
rude answers; adequate ones of many unit styles — long formal answers, short phone-callback notes, refusals with their
basis, redirects with a line or an office; held out like rhold1) and ``rdev22`` (its tuning material, written after it in
other matters, places and words). In replies/wave26-w26-rq.tsv ``rhold13`` (written by the
twenty-sixth wave's reply-checks helper (w26-rq) before reading insight/reply.py or any split's rows: templates, another
matter or place, undated promises, bare refusals, rude answers, the appeal's trouble restated as a promise; adequate ones
of many unit styles, terse but complete ones, the unit's own word for the citizen's thing, 调至 as the act; held out like
rhold1) and ``rdev23`` (its tuning material, written after it in other matters, places and words). In
replies/wave26-w26-rq2.tsv ``rhold14`` (written by the second reply-checks helper of the twenty-sixth wave (w26-rq2)
before reading insight/reply.py or any split's rows: a date and a unit but another matter, the appeal copied back,
undated promises, bare refusals, a rude answer; adequate ones that a strict checker flags — terse answers naming no
thing, the unit's legal words for the act, referrals with a contact, a partial result with a date for the rest,
refusals with their basis, an approved price as the answer to a price complaint, heating supply temperature; held out
like rhold1) and ``rdev24`` (its tuning material, written after it in other matters, places and words). In
replies/wave27-w27-rq.tsv ``rhold15`` (written by the twenty-seventh wave's reply-checks helper (w27-rq) before reading
insight/reply.py or any split's rows: adequate ones in real units' styles — long 经查/现答复如下 answers, terse complete
results, refusals with their legal basis, consultations answered with the rule, an office's address and phone, a civil
dispute sent to mediation or court, what another unit will do and by when; weak ones of 已处理, undated promises, another
matter or place, bare refusals, blame on the citizen, the appeal copied back, 已转相关部门 only, long boilerplate; held
out like rhold1) and ``rdev25`` (its tuning material, written after it in other matters, places and words).

In hotspots.tsv ``holdout18`` (written by the eighteenth wave's hotspots helper (w18-hot) before any of its tuning or
reading of the word lists or the place and hotspot code: dead fish at one park's lake over three days, a tap-water
smell over one area's estates in a day, a city-wide gas top-up outage, a bar street's night music over a week,
broadband and cable TV cut over one area in an evening, one road's street trees felled over two days, with other
matters at the same places and the same matters elsewhere; held out like holdout8) and ``tune48h`` (its tuning
material, written right after holdout18). In hotspots.tsv ``holdout19h`` (written by the nineteenth wave's hotspots
helper (w19-hot) before any of its tuning or reading of the word lists or the place and hotspot code: an evening power
outage over one area told by street, mall and estates, a road's pipe works over four days, vendors at one school gate
over a week, a city-wide residence-permit system outage in a day, a night stink over one area's estates on two nights,
night motorbike racing along one road over a week, a gale felling trees over three districts within hours, one metro
exit closed over a week, with other matters at the same places and the same matters elsewhere; held out like holdout8)
and ``tune51h`` (its tuning material, written right after holdout19h).
In hotspots.tsv ``holdout20h`` (written by the twentieth wave's hotspots helper (w20-hot) before any of its tuning or
reading of the word lists or the place and hotspot code: an afternoon water cut over one area's roads and estates, one
road's potholes over three days, cars jamming one primary school's gate each morning, one market's stink over a week,
one bus route changed without notice told from its stops, vendors at one metro exit over a week, an evening power
outage spreading over one suburb's areas, taxis refusing short trips at the airport over a week, with other matters at
the same places and times and the same matters elsewhere; held out like holdout8) and ``tune53h`` (its tuning
material, written right after holdout20h).
In hotspots.tsv ``holdout21h`` (written by the twenty-first wave's hotspots helper (w21-hot) before any of its tuning
or reading of the word lists or the place and hotspot code: an evening power outage over one riverside area told by
estate, road, mall and the area, one road's pipe works over three days told by their effects, shared bikes piled at
one primary school's gate over a week, a city-wide pension face-check outage in a day, a night burning smell over one
suburb's area on three nights, one bus route changed without notice told from its stops, a park's dawn noise over a
week, a rainstorm flooding one district's roads, underpasses and garages within hours, with other matters at the same
places and times and the same matters elsewhere; held out like holdout8) and ``tune57h`` (its tuning material, written
right after holdout21h).
In hotspots.tsv ``holdout22h`` (written by the twenty-second wave's hotspots helper (w22-hot) before any of its tuning
or reading of the word lists or the place and hotspot code: an evening power outage over one suburb's area told by
estate, road and area, one road's works over four days told by their effects (a moved stop, a pit, dust, night
breakers, a shop's lost trade), one primary school's crossing danger over a week told in many words, a city-wide
exit-entry booking and endorsement outage in a day, a night stink over one suburb's town on four nights, one bus route
changed without notice told from its stops, one market's stalls and mess growing over the week, weekend jams at one
scenic area, with other matters at the same places and times and the same matters elsewhere; held out like
holdout8) and ``tune61h`` (its tuning material, written right after holdout22h, and a second batch written after
the first changes); ``tune62h`` (the wave's second hotspots helper (w22-hot2): tuning material of the kinds holdout22h
left, a bus line by its bare number, an area's outage told by estates, a night smell under two names of one area, a
concert's and a scenic spot's crowds told as several problems).
In hotspots.tsv ``holdout23h`` (written by the twenty-third wave's hotspots helper (w23-hot) before any of its tuning
or reading of the word lists or the place and hotspot code: an evening power outage over one area told by its estates,
roads and the area, and a second outage there days later (a new episode), a door-to-door fraud spreading over several
districts in days, one road's works over four days told by their effects, a concert's crowds in one evening, a night
burning smell over one area on three nights, a city-wide voucher outage in a morning, one market's stalls and waste
water over the week, with a stall's own complaint at that market, other matters at the same places and times and the
same matters elsewhere; held out like holdout8) and ``tune66h`` (its tuning material, written right after).
In kb/wave25-w25-kb.tsv ``kbhold16`` (the twenty-fifth wave's knowledge-base helper (w25-kb): 164 questions, one per
article, picked by key and title only, written before reading insight/kb.py, synonyms.toml or any other question split's
rows — calls asking two or three things (labelled with the main question, asked first), a service family named with no
case, a life situation told instead of the service, phone filler and homophones, Wuhan speech; held out like kbhold3)
and ``kbdev19`` (its tuning material, written right after).
In kb/wave26-w26-kb.tsv ``kbhold17`` (the twenty-sixth wave's knowledge-base helper (w26-kb): 201 questions over
all 164 articles, picked by key and title only, written before reading insight/kb.py, synonyms.toml or any other
question split's rows — long calls with a story before the question, short typed ones, Wuhan speech, speech-recognition
homophones, the situation told instead of the policy, the 异地就医 and 不动产证 neighbour pairs; held out like kbhold3)
and ``kbdev20`` (its tuning material, written right after).
In kb/wave27-w27-kb.tsv ``kbhold18`` (the twenty-seventh wave's knowledge-base helper (w27-kb): 195 questions over
all 164 articles, picked by key and title only, written before reading insight/kb.py, synonyms.toml or any other
split's rows — long rambling calls whose real question comes late after a story with no 请问/我想问 marker, the
situation told instead of the service's name, short typed questions, Wuhan speech, typos and homophones; held out
like kbhold3) and ``kbdev21`` (its tuning material, written right after).
In hotspots.tsv ``tune69h`` (the wave's second hotspots helper (w23-hot2): matters spreading over districts in a
week without sharing a place — door-to-door tricks posing as water or power staff, one SMS trick, calls posing as
social-security staff, a bill's online payment failing in a morning — with background that shares their words and
spreads too: a payment deadline's and certifications' questions, a cold snap's burst pipes; tuning material).
In hotspots/wave24-w24-hot.tsv ``holdout24h`` (written by the twenty-fourth wave's hotspots helper (w24-hot) before any
of its tuning or reading of the word lists, the hotspot code or the tuning rows: a heat wave's evening outage over one
area told under its several names, a door-to-door trick posing as housing-bureau staff over six districts in days, one
bus route's breakdowns told from its stops, a new school-gate no-parking rule told at many schools, a road collapse
told by its effects, e-bikes on one greenway over a weekend, a city-wide senior-card check outage in a morning, low
evening water pressure over one area on two evenings, with other matters at the same places and on the same route,
real questions sharing the trick's words and a heat wave's single-place complaints in many districts; held out like
holdout8) and ``tune73h`` (its tuning material, written right after in other places and words, in three batches);
in hotspots/wave24-w24-hot2.tsv ``tune75h`` (the wave's second hotspots helper (w24-hot2): tuning material of the same
kinds in other words — a city-wide outage of one service, a new rule told at many places, an area's outage under its
names, a trick posing as a utility, one line's failures, a burst by its effects, an area's low pressure).
In hotspots/wave25-w25-hot.tsv ``holdout25h`` (written by the twenty-fifth wave's hotspots helper (w25-hot) before any
of its tuning or reading of the hotspot code, the word lists or the tuning rows: an evening gas outage over one area told
by its estates and roads, bins taken away for timed drop-off told at estates over eight districts, calls and texts posing
as the medical-insurance bureau over a week, one mixing plant's dust, night trucks and slurry over a week, one road's
traffic lights failing at its crossings on two mornings, shared e-bikes' new fees, the season's plane-tree fluff over the
city, a metro line failing one morning told from its stations, with other matters at the same places and real questions
sharing their words; held out like holdout8) and ``tune76h`` (its tuning material, written right after in other
matters, places and words).
In hotspots/wave25-w25-hot2.tsv ``holdout27h`` (written by the twenty-fifth wave's second hotspots helper (w25-hot2)
before reading the hotspot code, the word lists or any tuning rows: a week of city-wide matters told at many places in
many words — roadside parking's new prices, the housing fund's rent withdrawals stopped or cut, elderly cards charged
on the metro at peak hours, driving-test bookings full, cable-TV channels gone, men posing as staff for pension checks
— one area's night odour and one station's taxis, with 61 background appeals, questions sharing their words; held out
like holdout8 until it was retired to tuning in the twenty-sixth wave because it had been read too often (its fall at
the w25-rep merge was read by totals and looked into; its rows are kept and ``--show`` now lists them) and ``tune77h``
(its tuning material, written right after in other matters, places and words).
In hotspots/wave26-w26-h27.tsv ``holdout26hr`` (written by the twenty-sixth wave's hotspots regression helper (w26-h27)
before reading the hotspot or matter code, the word lists or the w25-rep change: a week of city-wide matters told at
many places in many words — a gas price rise, the elderly's free check-ups stopped at community clinics, men posing as
power-company staff selling at the door, pharmacies unable to take medical insurance for a day — and one road's street
lamps out for a week, with 23 background appeals, questions sharing their words; held out like holdout8; its tuning
material is holdout27h, retired to tuning in the same wave).
In hotspots/wave26-w26-hot.tsv ``holdout26h`` (written by the twenty-sixth wave's hotspots helper (w26-hot) before
any of its tuning or reading of the hotspot code, the word lists or the tuning rows: school-term fees at schools over
twelve districts each named differently, one hospital's gate jammed by its car-park queue over a week, hospitals' paid
companion beds at several hospitals (two at that same hospital), an evening outage over one area told only by what it
stops, one estate's e-bike charging shed shut, e-bike helmet and passenger fines over districts, night works at one
crossing, square-dance loudspeakers at one park, with 64 background appeals sharing their words (快递, 充电, schools,
hospitals, power, the same places); held out like holdout8) and ``tune78h`` (its tuning material, written right
after in other matters, places and words).
In hotspots/wave26-w26-hot2.tsv ``holdout28h`` (written by the twenty-sixth wave's second hotspots helper (w26-hot2)
before any of its tuning or reading of the hotspot or matter code or the word lists: one week of matters mostly at one
place told in everyday words — an estate's parcel pick-up shop shut, a park's toilet locked, a gym whose owner ran off,
a market closed for rebuilding, an area's shuttle to the metro stopped, a pool's dirty water, a mall car park's exit
stuck — and two city-wide (the metro's ride codes failing one morning, fake ETC-renewal texts), with 65 background
appeals sharing their places and common words; held out like holdout8) and ``tune79h`` (its tuning material, written
right after in other matters, places and words).
In hotspots/wave27-w27-hot.tsv ``holdout29h`` (written by the twenty-seventh wave's hotspots helper (w27-hot) before
any of its tuning or reading of the hotspot or matter code or the word lists: one week, five matters at one place — an
estate's evening outage told by what it stops, a night chemical smell over one area, a building site's night works, a
flooded underpass in a rainstorm, one old area's water cut for days — and five spreading: roadside parking charged at
night, heat-wave afternoon power cuts over districts, after-school service fees, scam calls posing as the medical-
insurance office, a bus line rerouted; some repeat callers; 45 background appeals at the same places and on the same
topics at scattered places; held out like holdout8) and ``tune80h`` and ``tune81h`` (its tuning material, written
right after in other matters, places and words).
In hotspots/wave27-w27-hot2.tsv ``holdout30h`` (written by the twenty-seventh wave's second hotspots helper (w27-hot2)
before any of its tuning or reading of the hotspot or matter code or the word lists: one week, six matters at one place
each told by its different sides — an estate's sewage overflow, a village quarry's blasting, a wet market moved, a
footbridge pulled down, a primary school's home time, riverside square dancing — and two spreading (gas bills jumping
after new smart meters, medical-insurance cards failing city-wide), repeat callers, 42 background appeals at the same
places and on the same topics once elsewhere; held out like holdout8) and ``tune82h`` and ``tune84h`` (its tuning material, written
right after in other matters, places and words).
In hotspots/wave28-w28-hot.tsv ``holdout31h`` (written by the twenty-eighth wave's hotspots helper (w28-hot) before
any of its tuning or reading of the hotspot or matter code or the word lists: one week, 151 appeals, five matters at one
place — a burst water main at a crossing, an estate's gas cut, a main road dug up for a week, a night building site, a
railway underpass flooded in a storm — and five spreading: an ETC-expiry scam text, a citywide government-service app
failing, a primary-school enrolment rule, a bus line cut short, the end of the e-bike temporary-plate grace period; 71
background appeals at the same places on other matters and the same kinds of problem once elsewhere, one citizen
calling three times; held out like holdout8) and ``tune85h`` and ``tune86h`` (its tuning material, written right
after in other matters, places and words).
In hotspots/wave28-w28-hot2.tsv ``holdout32h`` (written by the twenty-eighth wave's second hotspots helper (w28-hot2)
before any of its tuning or reading of the hotspot code this session: one week, 72 appeals, four tricks posing as a
service rather than a body — a courier "claims" call after a lost parcel, a medical-insurance card "frozen" text, a
flight "cancelled, refund here" text, a school-fee "refund" call to parents — and a taxi fare rise told over districts
without saying a rule changed; 30 background appeals including look-alikes (one citizen's own bank question, real
parcel complaints, a real airline refund dispute, one shop's prices); held out like holdout8) and ``tune87h`` (its
tuning material, written right after in other matters and words).
In hotspots/wave29-w29-hot.tsv ``holdout33h`` (written by the twenty-ninth wave's hotspots helper (w29-hot) before
any of its tuning or reading of the hotspot or matter code or the word lists: one week of a large city, 93 appeals, ten
hotspots — a water cut over an area told street by street, road works and their detour, a site's night piling, a smell
over several estates, a bus route changed, a roadside parking charge change, a storm flooding several underpasses, a
scam wave posing as the medical-insurance office, a riverside festival's crowd and traffic, a power cut told street by
street — and 35 background appeals at the same places and the same kinds of problem once elsewhere; held out like
holdout8) and ``tune88h`` and ``tune89h`` (its tuning material, written right after in other matters, places and words).
In hotspots/wave30-w30-hot.tsv ``holdout34h`` (written by the thirtieth wave's hotspots helper (w30-hot) before any of
its tuning or reading of the hotspot or matter code or the word lists: one week, 81 appeals, eight hotspots — a burst
water main told by its effect and by its cause, a bus line cut short said with and without 路, a night smell two nights
running over several estates, metro road works told by the area name, a fake social-security-card text wave, a dark
stretch of street lights and a pack of stray dogs (three appeals each), a new PE test rule — and 43 background appeals
at the same places on other matters and the same kinds of problem once elsewhere; held out like holdout8) and
``tune90h`` and ``tune90hb`` (its tuning material, written right after in other matters, places and words).
In hotspots/wave30-w30-hot2.tsv ``holdout35h`` (written by the thirtieth wave's second hotspots helper (w30-hot2)
before any of its tuning or reading of the hotspot or matter code or the word lists: one week, 55 appeals, six hotspots —
sewage from drains in one area named bare before 的 and after the district, a power cut told by its effect and by its
cause, a new e-bike plate rule asked by three citizens, a site's night work, a fake ETC text wave, a road collapse told
by the hole and by the jam — and 30 background appeals at the same places on other matters and the same kinds of
problem once elsewhere; held out like holdout8) and ``tune91h`` and ``tune91hb`` (its tuning material, written right
after in other matters, places and words).
In kb.tsv ``kbhold10`` (the eighteenth wave's knowledge-base helper (w18-kb): 122 questions written from the
article titles only before reading insight/kb.py, synonyms.toml or any other question split's rows — a life situation
instead of the service, everyday or wrong official names, Wuhan dialect, typos and homophones, long rambling calls,
asking for someone else, very short searches; first scored top-3 .951, top-1 .852 on the unchanged code; held out like kbhold3) and ``kbdev13`` (its tuning material, written
right after, in other styles).
In kb.tsv ``kbhold11`` (the nineteenth wave's knowledge-base helper (w19-kb): 83 questions written from the article
titles only before reading insight/kb.py, synonyms.toml or any other question split's rows — long stories, very short
searches, Wuhan speech, typos, asking for a relative, the situation told instead of the service; first scored top-3
.940, top-1 .843 on the unchanged code; held out like kbhold3) and ``kbdev14`` (its tuning material, written right after).
In kb.tsv ``kbhold12`` (the twenty-first wave's knowledge-base helper (w21-kb): 113 questions, one per article over
113 articles picked by title only, written before reading insight/kb.py, synonyms.toml or any other question split's
rows — phone transcripts with filler, a life situation instead of the service, wrong official names, Wuhan speech,
typos and homophones, asking for a parent or a child; first scored top-3 .965, top-1 .850 on the unchanged code; held out like
kbhold3) and ``kbdev15`` (its tuning material, written right after).
In kb.tsv ``kbhold13`` (the twenty-second wave's knowledge-base helper (w22-kb): 125 questions, one per article over
125 articles picked by key and title only, written before reading insight/kb.py, synonyms.toml or any other question
split's rows — phone transcripts with filler, long calls with family background, a life situation instead of the
service, wrong official names, Wuhan speech, typos and homophones, very short searches; first scored top-3 .968, top-1
.880 on the unchanged code; held out like kbhold3) and ``kbdev16`` (its tuning material, written right after, weighted
towards 户口, identity papers and 证明, social insurance and the housing fund).
In kb.tsv ``kbhold14`` (the twenty-third wave's knowledge-base helper (w23-kb): 128 questions, one per article over
128 articles picked by key and title only, written before reading insight/kb.py, synonyms.toml or any other question
split's rows — a life situation instead of the service, two questions in one call, Wuhan speech, typos and homophones,
everyday names; first scored top-3 .961, top-1 .852 on the unchanged code; held out like kbhold3) and ``kbdev17``
(its tuning material, written right after: close neighbours told as situations).
In kb/wave24-w24-kb.tsv ``kbhold15`` (the twenty-fourth wave's knowledge-base helper (w24-kb): 163 questions, one per
article over 163 of the 164 articles picked by key and title only, written before reading insight/kb.py, synonyms.toml
or any other question split's rows — a situation instead of the service, Wuhan speech, typos and homophones, phone
filler, several questions in one call, no official term; first scored top-3 .896, top-1 .718 on the unchanged code (.908 / .755 after w24-kb); held out like kbhold3) and ``kbdev18`` (its
tuning material, written right after).

Prints pair recall (pairs of one matter put in one group) and the wrong-merge rate (pairs put in one
group that are different matters, over all pairs put together).
"""
from __future__ import annotations

import argparse
import itertools
import json
import pathlib
import sys

HELD_OUT = {"holdout35h", "holdout36p", "holdout35p", "holdout35b", "holdout35", "holdout34h", "holdout34p", "holdout33p", "holdout33b", "holdout33h", "holdout33", "holdout32h", "holdout32p", "holdout31b", "holdout31h", "holdout31p", "holdout31", "holdout30b", "holdout30", "kbhold18", "holdout30h", "rhold15", "holdout30p", "holdout29b", "holdout29p", "holdout29h", "holdout29", "holdout28p", "holdout28b", "holdout26", "rhold14", "rhold13", "holdout28h", "holdout26p", "holdout26h", "holdout26b", "kbhold17", "holdout26hr", "kbhold16", "rhold12", "holdout27p", "rhold11", "holdout25b", "holdout25h", "holdout25p", "holdout25", "kbhold15", "holdout24b", "holdout24", "holdout24p", "holdout24h", "rhold10", "kbhold14", "holdout23h", "holdout23", "holdout23b", "holdout22p", "rhold8", "rhold9", "holdout22b", "kbhold12", "holdout22h", "kbhold13", "holdout21b", "holdout21h", "holdout6", "holdout12", "holdout19h", "holdout11", "holdout20h", "rhold5", "kbhold4", "holdout19b", "holdout15", "holdout13", "kbhold8", "holdout18", "holdout18l", "holdout19", "holdout9", "kbhold5", "rhold1", "holdout5", "kbhold7", "kbhold11", "holdout7", "kbhold10", "holdout16", "rhold3", "holdout10", "kbhold9", "holdout17", "holdout14", "holdout17b", "rhold6", "rhold7", "rhold2", "kbhold3", "rhold4", "holdout8", "holdout4", "kbhold6", "holdout20", "holdout21", "holdout22"}  # never shown item by item, never in "all";
# holdout3 was retired to tuning in the eighth wave after holdout8 was written
# holdout27h was retired to tuning in the twenty-sixth wave because it had been read too often
HERE = pathlib.Path(__file__).resolve().parent.parent / "tests" / "insight_eval"


def data_lines(name: str) -> list[str]:
    """The rows of one evaluation set (``repeats.tsv``, ``hotspots.tsv``, ``kb.tsv``, ``replies.tsv``): those of its
    file, then those of each file in the folder of its name (``replies/wave23.tsv``: a wave's new splits, in a file of
    their own so that no one file grows without end), in the order of their names; comments and blank lines left out."""
    files = [HERE / name, *sorted((HERE / name.removesuffix(".tsv")).glob("*.tsv"))]
    return [line for f in files for line in f.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def read_repeats(split: str = "all") -> list[dict]:
    """The rows of one split; with "all", every tuning split's, each in a time of its own (a split's labels
    and hours are its own: T01 of tune10 is not T01 of tune13, and two splits' hour 0 are not one time)."""
    rows = []
    offsets: dict[str, float] = {}
    for line in data_lines("repeats.tsv"):
        sp, matter, hours, citizen, text = line.split("\t")
        if sp == split or (split == "all" and sp not in HELD_OUT):
            offset = offsets.setdefault(sp, 10_000.0 * len(offsets)) if split == "all" else 0.0
            rows.append({"split": sp, "matter": None if matter == "-" else f"{sp}:{matter}",
                         "hours": float(hours) + offset, "citizen": citizen, "text": text})
    return rows


def read_hotspots(split: str = "all") -> list[dict]:
    rows = []
    for line in data_lines("hotspots.tsv"):
        sp, spot, hours, citizen, text = line.split("\t")
        if sp == split or (split == "all" and sp not in HELD_OUT):
            rows.append({"split": sp, "hotspot": None if spot == "-" else f"{sp}:{spot}", "hours": float(hours),
                         "citizen": citizen, "text": text})
    return rows


def eval_hotspots(split: str) -> dict:
    from insight.hotspots import Appeal, find_hotspots, label_rows
    from insight.places import default_gazetteer, matter_for_text

    rows = read_hotspots(split)
    gaz = default_gazetteer()
    start = 1_700_000_000.0
    appeals = [Appeal(matter=matter_for_text(r["text"], gazetteer=gaz), at=start + r["hours"] * 3600,
                      citizen=r["citizen"]) for r in rows]
    spots = find_hotspots(appeals, now=start + 168 * 3600)
    predicted = [n for n, _ in label_rows(appeals, spots)]
    out = pair_scores([r["hotspot"] for r in rows], predicted)
    background = [p for r, p in zip(rows, predicted) if r["hotspot"] is None]
    out.update(split=split, appeals=len(rows), hotspots=len(spots),
               background_left_alone=round(sum(p is None for p in background) / max(1, len(background)), 3))
    if split not in HELD_OUT:
        out["descriptions"] = [s.description for s in spots]
    return out


def read_kb() -> tuple[dict[str, dict], list[dict]]:
    """The demo city's starter articles (hotline/demo_city/kb.tsv, as ``hotline demo`` loads them) and the
    evaluation's citizens' questions (tests/insight_eval/kb.tsv: article key, split, text)."""
    from hotline.demo import starter_articles

    articles = starter_articles()
    queries = []
    for line in data_lines("kb.tsv"):
        key, split, text = line.split("\t")
        queries.append({"split": split, "article": key, "text": text})
    return articles, queries


def eval_kb(split: str) -> dict:
    from insight.kb import Doc, Index

    articles, queries = read_kb()
    keys = list(articles)
    index = Index.build(Doc(i, {"title": a["title"], "questions": "\n".join(a["questions"]), "answer": a["answer"]})
                        for i, a in enumerate(articles.values()))
    qs = [q for q in queries if split == q["split"] or (split == "all" and q["split"] not in HELD_OUT)]
    top1 = top3 = 0
    misses = []
    for q in qs:
        hits = [keys[i] for i, _ in index.search(q["text"], limit=3)]
        top1 += bool(hits) and hits[0] == q["article"]
        top3 += q["article"] in hits
        if q["article"] not in hits:
            misses.append((q["text"], q["article"], hits))
    out = {"split": split, "articles": len(articles), "questions": len(qs), "top1": round(top1 / len(qs), 3),
           "top3": round(top3 / len(qs), 3)}
    if split not in HELD_OUT:
        out["misses"] = misses
    return out


def pair_scores(truth: list, predicted: list) -> dict:
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(truth)), 2):
        same = truth[i] is not None and truth[i] == truth[j]
        together = predicted[i] is not None and predicted[i] == predicted[j]
        tp += same and together
        fp += together and not same
        fn += same and not together
    recall = tp / (tp + fn) if tp + fn else 1.0
    precision = tp / (tp + fp) if tp + fp else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pairs": tp + fn, "found": tp, "recall": round(recall, 3), "wrong_merges": fp,
            "wrong_merge_rate": round(fp / (tp + fp), 3) if tp + fp else 0.0, "f1": round(f1, 3)}


def eval_repeats(split: str) -> dict:
    from insight.matter import group
    from insight.places import default_gazetteer, matter_for_text

    rows = read_repeats(split)
    gaz = default_gazetteer()
    matters = [matter_for_text(r["text"], gazetteer=gaz) for r in rows]
    predicted = group(matters, [r["hours"] * 3600 for r in rows])
    out = pair_scores([r["matter"] for r in rows], predicted)
    out.update(split=split, appeals=len(rows))
    return out


def _thin_concepts(every: int, start: int) -> None:
    """Point HOTLINE_CONCEPTS_FILE at a copy of concepts.toml keeping every ``every``-th word of each
    concept (from the ``start``-th): appeals then use words the concepts do not list, as fresh ones do."""
    import os
    import tempfile
    import tomllib

    from insight.matter import load_lexicon

    src = pathlib.Path(__file__).resolve().parent.parent / "insight" / "concepts.toml"
    data = tomllib.loads(src.read_text(encoding="utf-8"))
    lines = []
    for key, conf in data.items():
        lines.append(f"[{key}]")
        for name, value in conf.items():
            if name == "words" and not conf.get("ignore"):
                value = [w for n, w in enumerate(value) if (n + start) % every == 0]
            lines.append(f"{name} = {json.dumps(value, ensure_ascii=False)}")
    fh = tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False, encoding="utf-8")
    fh.write("\n".join(lines) + "\n")
    fh.close()
    os.environ["HOTLINE_CONCEPTS_FILE"] = fh.name
    load_lexicon.cache_clear()


def _content_evidence(value: float) -> None:
    """Point HOTLINE_INSIGHT_FILE at a copy of insight.toml with ``similar.content_evidence = value``."""
    import os
    import re
    import tempfile

    from insight.matter import load_settings

    src = pathlib.Path(__file__).resolve().parent.parent / "insight" / "insight.toml"
    text = re.sub(r"(?m)^content_evidence = \S+", f"content_evidence = {value}", src.read_text(encoding="utf-8"))
    fh = tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False, encoding="utf-8")
    fh.write(text)
    fh.close()
    os.environ["HOTLINE_INSIGHT_FILE"] = fh.name
    load_settings.cache_clear()


def splits(what: str) -> set[str]:
    """The splits the set of ``what`` holds (its file's first column)."""
    if what == "kb":
        return {q["split"] for q in read_kb()[1]}
    name = {"repeats": "repeats.tsv", "hotspots": "hotspots.tsv", "replies": "replies.tsv"}[what]
    return {line.split("\t", 1)[0] for line in data_lines(name)}


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("what", choices=["repeats", "hotspots", "kb", "replies"])
    p.add_argument("--split", default="all", help="a split of the chosen set (see the docstring), or all")
    p.add_argument("--show", action="store_true", help="print the mistakes")
    p.add_argument("--keep-words", default=None, metavar="N:K",
                   help="a test of words nobody listed: keep only every N-th word of each concept (from the K-th)")
    p.add_argument("--content-evidence", type=float, default=None, metavar="X",
                   help="similar.content_evidence for this run (rare content as evidence; 0 = off, as shipped)")
    args = p.parse_args(argv)
    if args.split != "all" and args.split not in splits(args.what):
        p.error(f"no split {args.split!r} in {args.what}: {', '.join(sorted(splits(args.what)))}")
    if args.show and args.split in HELD_OUT:
        p.error("--show lists mistakes of the tuning splits only (the splits outside HELD_OUT); "
                f"{args.split} stays unseen")
    if args.content_evidence is not None:
        _content_evidence(args.content_evidence)
    if args.keep_words:
        _thin_concepts(*map(int, args.keep_words.split(":")))
    result = {"repeats": eval_repeats, "hotspots": eval_hotspots, "kb": eval_kb,
              "replies": eval_replies}[args.what](args.split)
    print(json.dumps(result, ensure_ascii=False))
    if args.show and args.what == "repeats":
        from insight.matter import compare
        from insight.places import default_gazetteer, matter_for_text

        rows = read_repeats(args.split)
        gaz = default_gazetteer()
        ms = [matter_for_text(r["text"], gazetteer=gaz) for r in rows]
        for i, j in itertools.combinations(range(len(rows)), 2):
            if rows[i]["split"] != rows[j]["split"]:
                continue                      # two splits' appeals never meet (see read_repeats)
            c = compare(ms[i], ms[j], hours=abs(rows[i]["hours"] - rows[j]["hours"]))   # (w22-rep) as group asks
            same = rows[i]["matter"] is not None and rows[i]["matter"] == rows[j]["matter"]
            if same != c.repeat and (same or c.same_place):
                print("MISS" if same else "WRONG", round(c.score, 2), c.same_place, c.shared,
                      rows[i]["text"][:30], "|", rows[j]["text"][:30], ms[i].places, ms[j].places, file=sys.stderr)
        from insight.matter import group

        show_groups(rows, "matter", group(ms, [r["hours"] * 3600 for r in rows]), ms)
    if args.show and args.what == "hotspots":
        from insight.hotspots import Appeal, find_hotspots, label_rows
        from insight.places import default_gazetteer, matter_for_text

        rows = read_hotspots(args.split)
        gaz, start = default_gazetteer(), 1_700_000_000.0
        appeals = [Appeal(matter=matter_for_text(r["text"], gazetteer=gaz), at=start + r["hours"] * 3600,
                          citizen=r["citizen"]) for r in rows]
        spots = find_hotspots(appeals, now=start + 168 * 3600)
        show_groups(rows, "hotspot", [n for n, _ in label_rows(appeals, spots)], [a.matter for a in appeals])
    if args.show and args.what == "replies":
        show_replies(args.split)
    return 0


def show_groups(rows: list[dict], truth: str, predicted: list, matters: list) -> None:
    """Group by group: a matter split over groups (SPLIT) and a group mixing matters (MIXED)."""
    def line(i: int) -> str:
        return (f"    {rows[i][truth] or '-'}  → {predicted[i] or '-'}  {sorted(matters[i].concepts)} "
                f"{list(matters[i].places)} {rows[i]['text'][:40]}")

    by_truth: dict = {}
    by_pred: dict = {}
    for i, r in enumerate(rows):
        if r[truth]:
            by_truth.setdefault(r[truth], []).append(i)
        if predicted[i]:
            by_pred.setdefault(predicted[i], []).append(i)
    for key, members in by_truth.items():
        if len({predicted[i] for i in members}) > 1 or predicted[members[0]] is None:
            print("SPLIT", key, *map(line, members), sep="\n", file=sys.stderr)
    for key, members in by_pred.items():
        if len({rows[i][truth] for i in members}) > 1 or rows[members[0]][truth] is None:
            print("MIXED", key, *map(line, members), sep="\n", file=sys.stderr)



# ---- reply checks (工单质检): tests/insight_eval/replies.tsv -----------------------------------------------

REPLY_ASPECTS = ("relevance", "completeness", "explanation", "timeliness", "tone")
REPLY_LOW = 0.5      # a score under this is "the answer falls short here" (Check.summary's line)


def read_replies(split: str = "all") -> list[dict]:
    """Rows of replies.tsv: split, label (weak / ok), lacking aspects (comma-separated or -), appeal, answer."""
    rows = []
    for line in data_lines("replies.tsv"):
        sp, label, lacking, appeal, answer = line.split("\t")
        if sp == split or (split == "all" and sp not in HELD_OUT):
            rows.append({"split": sp, "weak": label == "weak", "lacking": set() if lacking == "-" else
                         set(lacking.split(",")), "appeal": appeal, "answer": answer})
    return rows


def _check_rows(rows: list[dict]) -> list:
    from insight.reply import check_reply

    return [check_reply(r["appeal"], r["answer"], on_time=True) for r in rows]   # the text alone: on time


def eval_replies(split: str) -> dict:
    """Weak answers flagged (recall), adequate answers flagged (false flags), and per aspect: of the weak
    answers labelled lacking it, how many score under REPLY_LOW on it; of the adequate ones, how many do."""
    rows = read_replies(split)
    checks = _check_rows(rows)
    weak = [c.weak for r, c in zip(rows, checks) if r["weak"]]
    ok = [c.weak for r, c in zip(rows, checks) if not r["weak"]]
    aspects = {}
    for name in REPLY_ASPECTS:
        low = [{s.name: s.score for s in c.scores}[name] < REPLY_LOW for c in checks]
        labelled = [lo for r, lo in zip(rows, low) if name in r["lacking"]]
        aspects[name] = {"labelled": len(labelled), "agreed": sum(labelled),
                         "ok_low": sum(lo for r, lo in zip(rows, low) if not r["weak"])}
    return {"split": split, "pairs": len(rows), "weak": len(weak), "ok": len(ok),
            "weak_flagged": round(sum(weak) / max(1, len(weak)), 3),
            "ok_flagged": round(sum(ok) / max(1, len(ok)), 3), "aspects": aspects}


def show_replies(split: str) -> None:
    """Every pair the check gets wrong (a weak answer passed, an adequate one flagged), with its scores."""
    rows = read_replies(split)
    for r, c in zip(rows, _check_rows(rows)):
        if r["weak"] != c.weak:
            scores = " ".join(f"{s.name[:4]}={s.score:.2f}" for s in c.scores)
            print("PASSED" if r["weak"] else "FLAGGED", f"total={c.total:.2f}", scores,
                  ",".join(sorted(r["lacking"])) or "-", "|", c.summary(), "|", r["appeal"][:30], "|",
                  r["answer"][:60], file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
