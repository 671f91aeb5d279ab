"""The help screen's texts, written for this game: the rules in brief, the keys, and a
glossary of the period's terms. Markup is pygame_gui's HTML subset."""

from __future__ import annotations

RULES = """<b>THE RULES IN BRIEF</b><br>
<b>Your aim.</b> Be the one who inherits Lenin's party. You win outright if, at the end, you hold the General Secretaryship or a majority of the Politburo and every rival leader is out of the party or has recanted. Otherwise the strongest camp wins: Politburo seats, offices, share of the Central Committee and prestige. If party unity collapses, the party splits and everyone loses.<br><br>
<b>A quarter.</b> Each turn is three months, from spring 1922 to the end of 1929. Influence comes in from your offices and from the regional machines your secretaries run. You plan two actions; they are taken with the other factions' when you end the quarter. Then the quarter's events and sessions happen, in the order of their dates.<br><br>
<b>The apparatus.</b> Whoever holds the Secretariat appoints regional secretaries. A secretary steers his region's delegation, pulls its members his way, and new recruits follow him. Control of appointments turns into votes.<br><br>
<b>Votes.</b> Congresses and conferences vote by regional delegations, sized by membership. Plenums vote by the blocs of the Central Committee; the Politburo by its members. Every bloc's vote is the sum of named pulls: the apparatus, the members' sympathies, the party's mood, prestige, legitimacy as Lenin's heir, fear for unity, and chance. Before you table a motion you see its forecast and why; after a vote you see why it went the way it did.<br><br>
<b>Unity and discipline.</b> Public fights between big camps cost unity. Appealing to the army and the streets breaks discipline: voters punish breaches. Censure, removal, expulsion, exile and deportation are voted; recanting keeps (or brings back) a man in the party, at the price of his standing.<br><br>
<b>Alliances.</b> A bloc forms when both sides propose it. Allies vote alike: a faction that moves a motion pulls its allies most of the way with it, even against another of their allies (a faction allied with both the mover and the man struck goes with the mover). Old grudges make alliances costly.<br><br>
<b>Events</b> are shocks from outside: strokes, harvests, crises, documents surfacing. They never decide a vote or an office by themselves.
"""

KEYS = """<b>KEYS</b><br>
Everything can be done with the mouse alone or with the keyboard alone.<br><br>
<b>Everywhere</b><br>
Tab / Shift+Tab, or the arrow keys: move the red focus frame between buttons<br>
Enter or Space: press the focused button<br>
Esc: back, or the game menu on the board<br>
F1: this help (on the board)<br><br>
<b>The board</b><br>
Pick a kind of action; the focus on an option shows its details, and Enter plans it (with the mouse: click the option, then 'Plan it'). Only the options allowed now are listed: A shows the others too, marked ✕, each with the reason.<br>
Motions come in groups, one per person or question: Enter opens a group, Backspace goes back<br>
/ or Ctrl+F: filter the list by words (the letter keys type into the filter; Enter or Esc leave it)<br>
U: undo the last planned action · E: end the quarter (it asks if nothing is planned)<br>
PgUp / PgDn: the list's pages · Shift+PgUp / Shift+PgDn: scroll the option's details · G: read the guide's note, X: stop the guide<br>
While the quarter is played: F changes the speed, Space skips<br><br>
<b>Sessions</b><br>
Left / Right: previous and next motion · Enter: next motion, then continue<br><br>
<b>Menus</b><br>
The letter in brackets on a button presses it.
"""

GLOSSARY = """<b>GLOSSARY</b><br>
<b>The game's own words</b>, as the board shows them:<br>
<b>Influence</b> — what actions are paid with (the red number on a faction's panel); it comes each quarter from the offices a faction holds and the regional machines its secretaries run.<br>
<b>Legitimacy</b> — standing as Lenin's heir, 0 to 100: members and votes weigh it; publications, polemics and the Testament move it.<br>
<b>Line</b> — where a faction stands on the axis from the left (−1: the plan, industry, world revolution) to the right (+1: the NEP, the peasant). Shift line moves it; members and motions near the party's mood fare better.<br>
<b>Machine</b> — a region's party organisation run by a faction's secretary: it brings influence, steers the region's delegates and pulls its members (and new recruits) toward the faction.<br>
<b>Mood</b> — where the party as a whole stands on the same axis as the lines, −1 to +1 (the gauge at the top); harvests and crises move it, and members drift toward leaders near it.<br>
<b>Popularity</b> — standing outside the party, in the army and the streets: it casts no vote, but an appeal outside the party uses it.<br>
<b>Power</b> — the power score: Politburo seats, offices, the Central Committee share and prestige, weighted as at the end. A camp whose leader is out of the party, dead or has ever recanted scores 0 whatever it holds: a beaten leader cannot inherit. If nobody wins outright, the strongest camp by power wins; ★ marks who leads today.<br>
<b>Prestige</b> — how the party rates a leader, 0 to 100: it strengthens his campaigns, attacks and motions.<br>
<b>Support</b> — a faction's weight in the party: half the members' sympathy for it across the regions, half its share of the Central Committee.<br>
<b>Unity</b> — party unity, 0 to 100: open fights between large camps lower it; below the white mark the party splits and every faction loses.<br><br>
<b>The period's words</b>:<br>
<b>Bolshevik</b> — Lenin's wing of Russian Marxism, which took power in October 1917; from 1918 the Communist Party.<br>
<b>Central Committee (CC)</b> — the body elected by a congress to run the party between congresses; it meets in plenums and chooses the Politburo.<br>
<b>Central Control Commission (CCC)</b> — the party's disciplinary body; it sat with the CC at joint plenums that judged oppositions.<br>
<b>Comintern</b> — the Communist International, the federation of communist parties run from Moscow.<br>
<b>Congress</b> — the party's highest body, a gathering of delegates from the regional organisations; a conference is a smaller one.<br>
<b>Democratic centralism</b> — free debate until a decision, then iron unity behind it; the charge of 'factionalism' was levelled at those who kept arguing.<br>
<b>Deviation</b> — a departure from the party line, 'left' or 'right'; to be branded a deviationist was the first step toward expulsion.<br>
<b>General Secretary</b> — the head of the party's Secretariat, created in 1922; in charge of files and postings, it became the seat of power.<br>
<b>Kulak</b> — a better-off peasant, who hired labour or lent grain; the left saw kulaks as a new rural bourgeoisie.<br>
<b>Lenin Enrolment</b> — the mass recruitment of workers after Lenin's death in 1924, some 240,000 new members.<br>
<b>NEP</b> — the New Economic Policy of 1921: private trade and a tax in kind for the peasants, while the state kept the 'commanding heights' of industry.<br>
<b>Nomenklatura</b> — the lists of posts filled by appointment from above, and the people on them.<br>
<b>OGPU</b> — the political police, successor to the Cheka.<br>
<b>Orgburo</b> — the Organisational Bureau of the CC, which with the Secretariat handled the party's personnel.<br>
<b>Permanent Revolution</b> — Trotsky's view that the revolution in backward Russia could survive only by spreading abroad and by pressing on without pause.<br>
<b>Politburo</b> — the Political Bureau of the CC, a handful of leaders who decided policy.<br>
<b>Pravda</b> — 'Truth', the party's daily newspaper.<br>
<b>Recantation</b> — a public confession of one's errors, the price of staying in or returning to the party.<br>
<b>Right Deviation</b> — the charge brought in 1928–29 against Bukharin, Rykov and Tomsky for defending the NEP and the peasant.<br>
<b>Scissors crisis</b> — in 1923 the prices of manufactured goods rose far above those of grain; charted, the two lines opened like scissors.<br>
<b>Socialism in One Country</b> — the doctrine, from 1924, that the Soviet Union could build socialism on its own without waiting for revolution abroad.<br>
<b>Sovnarkom</b> — the Council of People's Commissars, the Soviet government.<br>
<b>Testament</b> — the notes Lenin dictated in late 1922 and early 1923 judging his heirs, with a postscript urging that Stalin be moved from his post.<br>
<b>Troika</b> — 'a team of three': Zinoviev, Kamenev and Stalin, allied against Trotsky in 1923–25.<br>
<b>United Opposition</b> — the bloc of Trotsky with Zinoviev and Kamenev in 1926–27.<br>
<b>War Communism</b> — the requisitions and state control of the civil war years, 1918–21.
"""
