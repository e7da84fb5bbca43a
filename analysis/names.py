"""Person names in a text, found without a model: titles, relation words and common given names.

A name starts after a title ("Mrs Patel", "Frau Weber", "M. Dupont", "Dr Smith"), after a relation
or role word ("my neighbour Maria Lopez", "patient John Smith", "mi vecina Carmen Ruiz", "meine
Kollegin Anna Weber"), after "pray for"/"thinking of"/"recen por"... (a known given name or two
capitalised words), or at a known given name; it runs over up to three more capitalised words and
particles (de, da, van, bin...). The title or relation word stays outside the span ("Mrs [NAME]").

A name is no person's when it belongs to an institution or a place: a capitalised run holding
Hospital, Clinic, Foundation, Center, Institute..., a name right after St/Saint/San/Santa, a religious
title (Mother, Prophet, Our Lady of), a street word or a public office (King, President), a lone
given name after "in"/"at", a pet's or a mascot's name ("a crab called Carl"), or a devotion's ("o
jejum de Daniel"). Given names that are also common words, months, places or herbs (Hope, Will,
Mark, June, Rosa, Dolores, Georgia, Melissa...) are left out of the list: they are found only after a
title or a relation word. `analysis.privacy` keeps names only in texts with a health cue, and
`analysis.name_roles` says whose each one is.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import NamedTuple


def _plain(text: str) -> str:
    """Lower case without accents, so that "José", "Jose" and "JOSÉ" are one key."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("’", "'")


_fold = lru_cache(maxsize=8192)(_plain)


def _words(block: str) -> frozenset[str]:
    return frozenset(_fold(word) for word in block.split())


#: Common given names: en, es, pt, fr, de, it, and transliterated Persian, Arabic and South-Asian.
GIVEN_NAMES: frozenset[str] = _words("""
    Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Sandra
    Margaret Ashley Kimberly Emily Michelle Carol Amanda Deborah Stephanie Rebecca Sharon Laura Cynthia
    Kathleen Amy Angela Shirley Brenda Pamela Emma Nicole Helen Samantha Katherine Christine Debra Rachel
    Carolyn Janet Catherine Heather Diane Julie Olivia Joyce Kelly Lauren Megan Cheryl Hannah Jacqueline
    Martha Ann Anne Kathryn Janice Abigail Alice Judy Sophia Denise Tina Wendy Lucy Chloe Jane Kate Katie
    Jenny Holly Natalie Zoe Molly Ava Charlotte Fiona Gemma Nicola Joanne Tracy Alison Lorraine Gillian
    Shannon Erin Courtney Heidi Ellen Eleanor Evelyn Ruth Dorothy Peggy Sally Jill Joan Judith Beth Leah
    Naomi Esther Miriam Tamara Vanessa Veronica Monica Sonia Tanya Diana Sylvia Keisha Aiko Joanna Dana Kim
    James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony
    Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan
    Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Patrick
    Dennis Jerry Tyler Aaron Adam Nathan Henry Douglas Zachary Peter Kyle Noah Ethan Jeremy Walter Keith
    Terry Sean Gerald Carl Harold Dylan Arthur Lawrence Jesse Bryan Billy Bruce Joe Logan Alan Albert Willie
    Elijah Wayne Randy Liam Oliver Harry Jack Charlie Tom Tommy Mike Dave Steve Chris Matt Tony Nick Jim
    Jimmy Bob Bobby Ben Sam Dan Danny Greg Jeff Ken Ted Tim Jon Josh Jake Luke Owen Connor Ian Neil Graham
    Colin Stuart Gordon Craig Barry Derek Trevor Simon Phil Philip Pete Julian Frederick Fred Roy Norman
    Victor Howard Eugene Ralph
    María Carmen Ana Isabel Lucía Marta Cristina Elena Sara Paula Raquel Beatriz Teresa Silvia Sofía Andrea
    Nuria Josefa Francisca Antonia Manuela Montserrat Inés Julia Alicia Eva Irene Natalia Claudia Lorena
    Verónica Gabriela Valentina Camila Daniela Mariana Ximena Guadalupe Adriana Alejandra Fernanda Marisol
    Yolanda Rocío Juana Catalina Susana Clara Marina Lola Pepa Encarna Maite José Antonio Manuel Francisco
    Juan Javier Carlos Miguel Rafael Pedro Pablo Alejandro Fernando Luis Sergio Jorge Alberto Diego Andrés
    Ramón Enrique Raúl Vicente Joaquín Eduardo Roberto Jaime Ignacio Alfonso Ricardo Emilio Gonzalo Mateo
    Hugo Álvaro Adrián Rubén Iván Óscar Mario Marcos Gabriel Guillermo Felipe Héctor Agustín Tomás Esteban
    Ernesto Gustavo Arturo Rodrigo Martín Lorenzo Nicolás Sebastián Fabián Pepe Paco Manolo Julián
    João Antônia Juliana Márcia Patrícia Aline Bruna Jéssica Letícia Larissa Luciana Rita Cláudia Joana
    Catarina Filipa Leonor Matilde Sónia Sônia Helena Fátima Luzia Rosângela Simone Tatiana Renata Carla
    Antônio Paulo Lucas Luiz Luís Marcelo Bruno Manoel Mateus Fábio Leonardo Tiago Thiago Rui Nuno Duarte
    Afonso Gonçalo Sérgio Vítor Sebastião Joaquim Raimundo Henrique Vinícius Caio Otávio André
    Marie Nina Vera Nathalie Isabelle Sylvie Françoise Monique Sophie Valérie Sandrine Véronique Stéphanie
    Céline Aurélie Émilie Camille Manon Léa Chloé Claire Hélène Brigitte Martine Chantal Dominique Danielle
    Josiane Olga Shireen Madeleine Geneviève Élodie Mathilde Juliette Margaux Océane Pauline Agnès Béatrice
    Florence Odile Jean Pierre Michel Philippe Alain Christophe Bernard Laurent Frédéric Stéphane Olivier
    Thierry Sébastien Julien Guillaume François Jacques Didier Pascal Gérard Yves Maxime Antoine Alexandre
    Romain Mathieu Benoît Vincent Louis Théo Arnaud Cédric Fabrice Jérôme Yannick Gilles Serge René Marcel
    Henri Luc Hervé
    Ursula Monika Petra Sabine Renate Helga Karin Ingrid Elke Gabriele Susanne Birgit Heike Stefanie Anna
    Katharina Lena Lea Kerstin Silke Tanja Anja Martina Christa Gisela Erika Hildegard Ute Jutta Bärbel
    Katrin Franziska Johanna Greta Leonie Andreas Wolfgang Klaus Jürgen Günter Stefan Uwe Werner Horst
    Dieter Manfred Gerhard Hans Bernd Torsten Markus Matthias Martin Helmut Jörg Ralf Sven Tobias Florian
    Alexander Sebastian Lukas Leon Felix Jonas Maximilian Karl Heinz Kurt Friedrich Dirk Holger Rainer
    Volker Axel Jens Kai Lars Heinrich
    Giuseppe Giovanni Luigi Francesco Angelo Vincenzo Pietro Salvatore Carlo Franco Domenico Paolo Michele
    Giorgio Aldo Luciano Giuliano Marco Alessandro Matteo Riccardo Stefano Massimo Davide Gianni Enzo
    Federico Giuseppina Giovanna Lucia Carmela Caterina Francesca Antonietta Concetta Margherita Franca
    Paola Giulia Chiara Alessandra Federica Elisa Roberta Simona Stefania Alessia Giorgia
    Mohammad Mohammed Muhammad Mohamed Ali Hossein Hussein Hassan Reza Mehdi Amir Mahmoud Ahmad Hamid Saeed
    Majid Javad Abbas Morteza Mostafa Mustafa Behrouz Babak Dariush Kourosh Farhad Omid Arash Navid Payam
    Pouya Kaveh Maryam Fatemeh Zahra Zeinab Zainab Masoumeh Narges Leila Layla Laila Shirin Parisa Nasrin
    Mina Neda Samira Roya Azadeh Mahsa Elham Fereshteh Mahnaz Soheila Afsaneh Golnaz Niloofar Shabnam Ladan
    Sepideh Nazanin Setareh Mitra Tahereh
    Ahmed Omar Umar Youssef Yusuf Ibrahim Khalid Khaled Karim Samir Tariq Walid Nabil Hisham Ziad Bilal
    Hamza Adel Fadi Rami Sami Tarek Yasser Osama Anas Abdullah Abdallah Rashid Faisal Salim Aisha Fatima
    Khadija Amina Mariam Nour Noor Huda Hana Yasmin Yasmine Salma Rania Dina Lina Rana Nadia Farah Iman
    Sumaya Hiba Ghada Mona Reem
    Rahul Raj Rajesh Ramesh Suresh Mahesh Ravi Amit Anil Sunil Vijay Sanjay Ajay Arun Ashok Deepak Vikram
    Arjun Aarav Rohan Karan Nikhil Manoj Prakash Gopal Harish Imran Usman Asif Kamran Zubair Arif Priya
    Anjali Sunita Anita Neha Pooja Divya Kavya Meera Geeta Gita Rekha Shreya Aishwarya Deepika Kiran Nisha
    Asha Usha Radha Sushma Swati Aarti Ayesha Nazia Saima Shazia Rukhsana Parveen Bushra Hina Uzma Rubina
    Gurpreet Harpreet Manpreet Jaspreet Simran Amrit
""")

#: Honorifics before a surname or a full name. Weak ones ("Seu", "Miss") are also ordinary words
#: and need a known given name after them.
TITLES: frozenset[str] = _words("""
    mr mrs ms mx miss mister sr sra srta senor senora senorita senhor senhora m mme mlle monsieur madame
    mademoiselle herr frau dona seu sig sigra signor signora signorina sir dame
""")
_WEAK_TITLES = _words("miss seu dona sir dame")
#: Informal titles, often in lower case ("don Evaristo", "seu Nivaldo"); "Don" is also a given name.
_INFORMAL_TITLES = _words("don dona seu")
_LOWER_CASE_TITLES = _INFORMAL_TITLES | _words("senor senora senhor senhora madame monsieur frau herr")
#: Titles of clinicians: their names are found, but a clinician's name is not a patient's.
CLINICIAN_TITLES: frozenset[str] = _words("""
    dr dra drs doc doctor doctora docteur doktor doutor doutora dott dottssa dottor dottore dottoressa prof
    profa professor professora professeur pr
""")

#: Words that introduce a person close to the author, or a patient.
RELATION_WORDS: frozenset[str] = _words("""
    neighbour neighbor coworker co-worker colleague friend bestie cousin aunt auntie uncle niece nephew
    sister brother mother mom mum mommy mummy father dad daddy wife husband son daughter grandma grandpa
    grandmother grandfather granny partner boyfriend girlfriend fiance fiancee boss ex roommate classmate
    teacher coach pastor stepmom stepdad papi mami vovo abuelita abuelito sil bil mil fil vecina vecino
    companera companero colega amiga amigo prima primo tia tio hermana hermano madre padre mama papa esposa
    esposo marido hija hijo abuela abuelo sobrina sobrino suegra suegro jefa jefe novia novio voisine voisin
    collegue amie ami copine copain cousine tante oncle soeur frere mere pere fille fils mari femme neveu
    grand-mere grand-pere nachbarin nachbar kollegin kollege freundin freund schwester bruder mutter vater
    tochter sohn oma opa mann chefin chef schwiegermutter vizinha vizinho irma irmao mae pai filha filho avo
    sobrinha sobrinho chefe vicina vicino collega amica amico cugina cugino zia zio sorella fratello mamma
    moglie marito figlia figlio nonna nonno
    vicar reverend rev pfarrer pfarrerin pastora pasteur catequista conserje portero portera porteiro
    porteira lehrer lehrerin maestra maestro profe
""")
#: Roles that introduce a patient's name: "patient John Smith", "bed 4's patient John".
ROLE_WORDS: frozenset[str] = _words("patient patients paciente patiente patientin paziente")
#: Members of the care team: "my oncologist Sarah Jones", "nurse Angela" name a clinician.
CLINICIAN_ROLES: frozenset[str] = _words("""
    nurse oncologist onc surgeon physician radiologist gp enfermera enfermero oncologa oncologo medica
    medico cirujana cirujano infirmiere infirmier oncologue medecin chirurgien krankenschwester pfleger
    onkologe onkologin arztin arzt chirurgin enfermeira enfermeiro oncologista cirurgiao infermiera chirurgo
""")
_DETERMINERS = _words("""
    my our your his her their a an the mi tu su nuestra nuestro ma mon ta ton sa son notre votre leur meine
    mein meiner meinem meinen unsere unser seine sein ihre ihr deine dein die der minha meu nossa nosso sua
    tua teu mia mio nostra nostro suo la el le il lo o
""")
_PARTICLES = _words("de del della dei di da das do dos du des van von der den ter ten la le bin bint ibn al")
#: A name right after one of these is an institution, a place, a saint or a public figure.
_NOT_PERSON_BEFORE = _words("""
    st ste saint sainte san santa santo sao sant sankt mother father virgin virgen virgem lady senhora
    prophet holy blessed padre pope imam king queen prince princess president senator governor minister
    chancellor rue avenue av calle avenida rua praca plaza paseo via viale piazza corso strasse
""")
_INSTITUTION = _words("""
    farber
    hospital hospitals clinic clinica clinique klinik klinikum krankenhaus hopital ospedale hospice
    foundation fundacion fundacao fondation stiftung fondazione fund center centre centro zentrum institute
    institut instituto istituto university universidad universidade universite universitat universita
    college school medical health healthcare research society trust association charity house memorial
    children network alliance program programme project church iglesia igreja eglise kirche cathedral street
    road avenue lane park square terrace crescent boulevard community station airport award prize lecture
    syndrome disease sarcoma lymphoma tumor
    tumour law act scale score method protocol trial study unit ward komen curie kettering sloan hopkins
    mayo hutch macmillan marsden einstein roussy moffitt kimmel
""")
#: Capitalised words that never start or continue a name, even after a title or relation word.
_STOP = _words("""
    i i'm i've i'll i'd me my mine we our us you your he she his her him they them their it its this that
    these those who what when where why how which there here the a an and or but so if then than because as
    of in on at to for from with without by about after before during until since just also only even still
    yet not no yes is was are were be been being am has had have do does did will would can could should may
    might must shall please thanks thank hi hello hey dear rip update today yesterday tomorrow tonight
    morning night week month year day everyone anyone someone nobody everybody all some any every each both
    many much more most less very really good great happy sad bad new old first last next big little god
    lord jesus christ allah deus dios dieu gott dio amen omg lol wow yo mi mis tu su sus el la los las un
    una unos unas y o pero que porque hoy ayer manana ella ellos nosotros gracias hola por para con sin muy
    mas je il elle nous vous ils elles ma mon mes ta ton sa son le les une et ou mais aujourd'hui demain
    merci bonjour ich du er sie es wir ihr meine mein unsere die der das und aber heute morgen danke hallo
    eu ele ela nos minha meu nossa nosso os um uma e hoje amanha obrigado obrigada ola io lui lei noi voi
    loro gli mia mio ciao grazie oggi
    monday tuesday wednesday thursday friday saturday sunday lunes martes miercoles jueves viernes sabado
    domingo lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag freitag
    samstag sonntag january february march april june july august september october november december jan
    feb mar apr jun jul aug sep sept oct nov dec enero febrero marzo abril junio julio agosto septiembre
    octubre noviembre diciembre janvier fevrier mars avril mai juin juillet aout octobre novembre decembre
    januar februar marz juni juli oktober dezember janeiro fevereiro maio junho julho setembro outubro
    novembro dezembro
    radiation radiotherapy immunotherapy surgery stage breast lung colon colorectal prostate ovarian
    cervical pancreatic skin blood bone brain liver melanoma myeloma room bed icu scan scans mri ct pet
    biopsy awareness survivor survivors patient patients nurse team care support group fda nhs cdc nih asco
    esmo keytruda opdivo yervoy herceptin kadcyla enhertu avastin tamoxifen letrozole anastrozole ibrance
    kisqali verzenio lynparza tagrisso imbruvica revlimid gleevec xtandi zytiga tecentriq rituxan neulasta
    zofran decadron facebook instagram twitter tiktok youtube telegram reddit whatsapp google gofundme
    amazon north south east west york angeles soy sou oi hiya salut coucou servus moin
""")
#: Health nouns that may be capitalised (German nouns, Title Case) and are never a surname.
_HEALTH_WORD = re.compile(
    r"(?:chemo|quimio|chimio|krebs|cancer|cancro|tumo|leuk|leuc|lymphom|linfom|onko|onco|therap|terap"
    r"|diagnos|stadium|station|zimmer|klinik|brust|darm|lungen|operation|bestrahl)",
)
#: "pray for <name>", "thinking of <name>": people are prayed for; two capitalised words are a name.
_PRAYER_WORDS = _words("""
    pray praying prayers prayer thinking thoughts recen oren rezar orando oraciones priez prions priere
    prieres pensees betet beten gebete rezem orem rezando oracoes preghiamo pregate preghiere
""")
_FRAME_WORDS = _words("for of por pour fur per pela pelo")
_LOCATIVE = _words("in at from near en dans em no na nach aus im bei")
#: Before two capitalised words these make them a place: "in Costa Rica", "nach Bad Tölz".
_IN = _words("in at near en dans em no na nach im")
#: Scriptures and devotions named after a person: "jejum de Daniel", "the Book of Ruth".
_SCRIPTURE_BEFORE = re.compile(
    r"\b(?:fast|ayuno|jejum|jeune|fasten|book|libro|livro|livre|buch|gospel|evangelio|evangelho|evangile"
    r"|psalm|salmo|psaume|prayer\s+of|oracion\s+de|oracao\s+de)\s+(?:of|de|do|da|du|des)\s+$"
)

_INTRODUCERS = RELATION_WORDS | ROLE_WORDS | CLINICIAN_ROLES
#: Capitalised without a possessive these are religious: "Mother Mary", "Father John", "Sister Agnes".
_RELIGIOUS_KIN = _words("mother father sister brother madre padre mere pere soeur frere mae pai irma irmao")
#: Given names that are also lower-case words ("minha mãe reza" is "my mum prays").
_LOWER_WORDS = _words("reza mona rana mina dan tom iman ali")
_NEVER_NAME = _STOP | _INSTITUTION | _NOT_PERSON_BEFORE | TITLES | CLINICIAN_TITLES

_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_GAP = re.compile(r"[ \t\u00a0]{1,3}")
_DOT_GAP = re.compile(r"\.[ \t\u00a0]{0,3}")
_INTRO_GAP = re.compile(r",?[ \t\u00a0]{1,3}")
_SURNAME_PREFIX = re.compile(r"(?:al|el|ul|ud|ad|ibn|bin|abu|abd|d)['’-]")


class _Tok(NamedTuple):
    text: str
    start: int
    word_end: int
    key: str  # folded, without a possessive "'s"
    usable: bool  # False inside handles, hashtags, e-mail addresses and URLs

    @property
    def possessive(self) -> bool:
        return len(self.text) > 3 and self.text.endswith(("'s", "’s"))

    @property
    def end(self) -> int:
        """Where the name part ends: before a possessive "'s"."""
        return self.word_end - 2 if self.possessive else self.word_end

    @property
    def cap(self) -> bool:
        return self.text[0].isupper() and (len(self.text) == 1 or not self.text.isupper())


def _tokens(text: str) -> list[_Tok]:
    out = []
    for match in _TOKEN.finditer(text):
        word, (start, end) = match.group(), match.span()
        key = _fold(word)
        if key.endswith("'s") and len(key) > 3:
            key = key[:-2]
        usable = True
        if word[0].isupper():
            before, after = text[start - 1 : start], text[end : end + 2]
            usable = before not in ("@", "#", "/", "_", ".", "\\") and not after.startswith(("@", "_", "/"))
            usable = usable and not (after[:1] == "." and after[1:2].isalnum())
        out.append(_Tok(word, start, end, key, usable))
    return out


def _joined(text: str, toks: list[_Tok], i: int) -> bool:
    """Do tokens i and i+1 stand next to each other in one phrase ("Mr. Smith", "Maria Lopez")?"""
    left, right = toks[i], toks[i + 1]
    if left.possessive:
        return False
    gap = text[left.word_end : right.start]
    if _GAP.fullmatch(gap):
        return True
    dotted = left.key in TITLES or left.key in CLINICIAN_TITLES or left.key in _NOT_PERSON_BEFORE
    return (dotted or len(left.text) == 1) and bool(_DOT_GAP.fullmatch(gap))


def _given(key: str) -> bool:
    """A known given name, or a compound of them: "Jean-Pierre", "Karl-Heinz", not "Dana-Farber"."""
    return key in GIVEN_NAMES or ("-" in key and all(part in GIVEN_NAMES for part in key.split("-")))


def _name_like(tok: _Tok) -> bool:
    """A capitalised word that can be part of a name: not a title, an institution or a health word."""
    return (
        tok.usable
        and tok.cap
        and len(tok.key) > 1
        and tok.key not in _NEVER_NAME
        and not _HEALTH_WORD.match(tok.key)
    )


def _initial(text: str, tok: _Tok) -> bool:
    return len(tok.text) == 1 and tok.text.isupper() and text[tok.word_end : tok.word_end + 1] == "."


def _surname_like(text: str, tok: _Tok) -> bool:
    """A word that can continue a name: a name-like word, "al-Hassan", "d'Souza", or an initial "G."."""
    if _name_like(tok) or _initial(text, tok):
        return True
    prefix = _SURNAME_PREFIX.match(tok.text)
    return tok.usable and prefix is not None and tok.text[prefix.end() : prefix.end() + 1].isupper()


def _extend(text: str, toks: list[_Tok], first: int, limit: int = 3) -> int:
    """Index of the last token of the name that starts at `first`: up to `limit` more words."""
    last, taken = first, 0
    while taken < limit and not toks[last].possessive:
        nxt = last + 1
        while nxt < len(toks) and nxt - last <= 2 and toks[nxt].key in _PARTICLES:
            if not _joined(text, toks, nxt - 1):
                return last
            nxt += 1
        if nxt >= len(toks) or not _joined(text, toks, nxt - 1) or not _surname_like(text, toks[nxt]):
            return last
        last, taken = nxt, taken + 1
    return last


def _not_a_person(text: str, toks: list[_Tok], first: int, last: int, introduced: bool) -> bool:
    """Is the name part of an institution's or a place's name, or a saint's?

    Words before an introduced name are the title or relation word that says it is a person's.
    """
    j = -1 if introduced else first - 1
    while j >= 0 and first - j <= 4 and _joined(text, toks, j):
        tok = toks[j]
        if tok.key in _NOT_PERSON_BEFORE or tok.key in _INSTITUTION:
            return True
        if not (tok.cap or tok.key in _PARTICLES or tok.key == "of"):
            break
        j -= 1
    j = last + 1
    while j < len(toks) and j - last <= 4 and _joined(text, toks, j - 1):
        if toks[j].key in _INSTITUTION:
            return True
        if not toks[j].cap:
            break
        j += 1
    return False


def _intro(text: str, toks: list[_Tok], i: int) -> int | None:
    """When token i is a title or a relation word followed by a name, the index of the name's first word."""
    tok, nxt = toks[i], i + 1
    if nxt >= len(toks) or not tok.usable:
        return None
    title = tok.key in TITLES or tok.key in CLINICIAN_TITLES or tok.key == "don"
    spaced = _GAP.fullmatch(text[tok.word_end : toks[nxt].start])
    if title and (tok.cap or (tok.key in _LOWER_CASE_TITLES and toks[nxt].cap and spaced)):
        if not _joined(text, toks, i) or (tok.key == "m" and text[tok.start + 1 : tok.start + 2] != "."):
            return None
        weak = tok.key in _WEAK_TITLES or tok.key in _INFORMAL_TITLES
        # "seu Nivaldo da padaria", "don Evaristo, el conserje": who they are in the neighbourhood
        # says that an unlisted first name is a person's.
        located = _LOCATOR_AFTER.match(text, toks[_extend(text, toks, nxt)].end)
        if weak and not _given(toks[nxt].key) and not located:
            return None
        return nxt
    if tok.key not in _INTRODUCERS or tok.possessive:  # "Mom's Medicare plan" introduces no one
        return None
    if tok.cap and tok.key in _RELIGIOUS_KIN:  # "Mother Mary", "Father John": not "my mother Mary"
        prev = toks[i - 1] if i else None
        if prev is None or not (prev.key in _DETERMINERS or prev.possessive):
            return None
    gap = text[tok.word_end : toks[nxt].start]
    if not _INTRO_GAP.fullmatch(gap) or toks[nxt].key in TITLES or toks[nxt].key in CLINICIAN_TITLES:
        return None
    # "my friend, Maria": after a comma only a known given name; "my nurse, Check your..." is not one.
    return nxt if "," not in gap or _given(toks[nxt].key) else None


#: What places a person in the neighbourhood: "Nivaldo da padaria", "don Evaristo, el conserje".
_LOCATOR_AFTER = re.compile(
    r",\s+(?:el|la|o|a|the|der|die|le|l')\s*[a-zà-ÿ]"
    r"|,?\s+(?:da|do|das|dos|del|de\s+la|de\s+los|from\s+the|von\s+der|vom|aus\s+der)\s+[a-zà-ÿ]"
    r"|,\s+[a-zà-ÿ]+\s+(?:d[oa]s?|del|de|of|at|from)\s"  # ", porteiro do prédio", ", caretaker at"
)
#: Spanish "la de la mercería", "el del quiosco": the one from the shop, a person known by it.
_ONE_FROM = re.compile(r",\s+(?:la|el)\s+de(?:l)?\s")


def _candidate(text: str, toks: list[_Tok], i: int) -> tuple[int | None, str]:
    """Where a name may start at token i, and how: "intro", "lower", "prayer", "given", "census" or "pair"."""
    first = _intro(text, toks, i)
    if first is not None:
        tok = toks[first]
        initial = _initial(text, tok) and first + 1 < len(toks) and _name_like(toks[first + 1])
        if _name_like(tok) or (initial and _joined(text, toks, first)):  # "Mr T. Anwar"
            return first, "intro"
        # "mi vecina lorena paz": a known given name in lower case, only right after a relation word.
        lower = tok.text == tok.key and _given(tok.key) and tok.key not in _LOWER_WORDS
        return (first, "lower") if lower and toks[i].key in _INTRODUCERS else (None, "")
    if _name_like(toks[i]) and _ONE_FROM.match(text, toks[i].end) and not toks[i].possessive:
        return i, "located"  # "Mandadle fuerza a Choni, la de la mercería"
    prayer = 0 < i < len(toks) - 1 and toks[i].key in _FRAME_WORDS and toks[i - 1].key in _PRAYER_WORDS
    prayer = prayer and _intro(text, toks, i + 1) is None  # "betet für Pfarrer X": the role says more
    if prayer and _joined(text, toks, i - 1) and _joined(text, toks, i) and _name_like(toks[i + 1]):
        return i + 1, "prayer"  # "pray for", "thinking of", "recen por", "priez pour", "betet für"
    if _given(toks[i].key) and _name_like(toks[i]):
        return i, "given"
    # A given name and a surname of the US census lists: "Jordan Pellegrini", "Rosa Delgado".
    nxt = i + 1
    if nxt < len(toks) and _pair_word(toks[i]) and _joined(text, toks, i) and _pair_word(toks[nxt]):
        first_names, surnames = census_names()
        pair = toks[i].key in first_names and toks[nxt].key in surnames and toks[nxt].key not in _NOT_SURNAME
        # Not a quoted or longer capitalised title: 'Viva Forte', "Kit Cura Natural".
        quoted = text[toks[i].start - 1 : toks[i].start] in _QUOTES
        longer = nxt + 1 < len(toks) and _joined(text, toks, nxt) and toks[nxt + 1].cap
        if pair and not quoted and not longer:
            return i, "census"
    # Two capitalised words that a person's predicate follows: "Rosa Penhallow who lives at ...",
    # "Tricia Lam has been admitted", "Hank Dryden, 54," (names missing from the given-name list).
    nxt = i + 1
    if nxt < len(toks) and _pair_word(toks[i]) and _joined(text, toks, i) and _pair_word(toks[nxt]):
        last = _extend(text, toks, i)
        if _PERSON_AFTER.match(text, toks[last].end):
            return i, "pair"
    return None, ""


@lru_cache(maxsize=1)
def census_names() -> tuple[frozenset[str], frozenset[str]]:
    """Given names and surnames of the 1990 US census (public domain; shipped by the `names` package).

    5,494 given names and 88,799 surnames, many of them also words ("Will", "Brown"): they are
    used only as a pair, a given name followed by a surname, both capitalised.
    """
    folder = resources.files("names")

    def read(name: str) -> frozenset[str]:
        lines = (folder / name).read_text(encoding="ascii").splitlines()
        return frozenset(_fold(line.split()[0]) for line in lines if line.strip())

    return read("dist.male.first") | read("dist.female.first"), read("dist.all.last")


#: Census surnames that are, in these posts, mostly words: "Will Power", "Grace Church" is caught
#: as an institution already.
_NOT_SURNAME = _words("""
    street road lane avenue hospital clinic center centre day week month year cancer care health
    house hall park church school college university bank station
""")

_QUOTES = frozenset("'\"‘’“”„«»‹›")

_PAIR_STOP = _words("""
    big pharma the fda nhs who god jesus lord christ allah breaking news update please thank thanks
    happy good great new dear hello hi merry world day month week national international american
    british canadian european team our your their my his her this that these those plus and with
""")
_PERSON_AFTER = re.compile(
    r"\s*(?:,\s*\d{1,3}\b(?!\s*(?:%|kg|g|mg|ml|cm|mm|km|€|\$|x\b|years?\s+ago))|\s+from\s+the\s+[a-z]"
    r"|\(\d{1,3}\)|,?\s+who\b|,?\s+(?:(?:has|had|is|was|just|got|finally|also)\s+){1,3}"
    r"(?:[^\W\d_]+\s+){0,2}(?:diagnosed|admitted|hospitali[sz]ed|in\s+(?:hospital|icu|room|ward|hospice)"
    r"|stage|terminal|cancer|leuk|lymph|tumou?r|chemo|metasta|dying|passed|died)"
    r"|\s+(?:tiene|tem|hat|a)\s+(?:un\s+|uma\s+|une\s+)?(?:c[áa]ncer|cancro|krebs|leuc|leuk|tumor|tumeur|linfoma))",
    re.IGNORECASE,
)


def _pair_word(tok: _Tok) -> bool:
    return _name_like(tok) and tok.key not in _PAIR_STOP and not tok.text.isupper()


def _keep(text: str, toks: list[_Tok], first: int, last: int, how: str) -> bool:
    if first == last and how == "prayer" and not _given(toks[first].key):
        return False  # one unknown word after "pray for" may be a place or a cause: "pray for Gaza"
    after_place_word = first > 0 and toks[first - 1].key in _LOCATIVE and _joined(text, toks, first - 1)
    if first == last and how == "given" and after_place_word and not toks[first].possessive:
        return False  # "in Charlotte", "from Florence"
    after_in = first > 0 and toks[first - 1].key in _IN and _joined(text, toks, first - 1)
    if how in ("pair", "census") and after_in:
        return False  # "a retreat in Costa Rica has reversed cancers"
    if _SCRIPTURE_BEFORE.search(_plain(text[max(0, toks[first].start - 30) : toks[first].start])):
        return False  # "o jejum de Daniel", "the Book of Ruth"
    return not _not_a_person(text, toks, first, last, introduced=how not in ("given", "located", "census"))


def find_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each person's name in `text`, in order; titles and relation words excluded."""
    toks = _tokens(text)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        first, how = _candidate(text, toks, i)
        if first is None:
            i += 1
            continue
        last = first if how == "lower" else _extend(text, toks, first)
        if _keep(text, toks, first, last, how):
            spans.append((toks[first].start, toks[last].end))
        i = last + 1
    # A pet's or a mascot's name is no person's, wherever else it appears in the post.
    animals = {text[a:b] for a, b in spans if _NAMED_THING.search(_plain(text[max(0, a - 120) : a]))}
    spans += _persian_names(text)
    return sorted((a, b) for a, b in spans if text[a:b] not in animals)


#: Persian has no capitals: a name is found after a title, آقای or آقا (Mr), خانم (Mrs, Ms), حاج آقا or
#: حاج خانم, as the next word ("آقای رحیمی"), an initial and a word ("خانم م. کریمی"), or a given name
#: and a surname with a surname's ending ("خانم مریم احمدی", "آقای حمید رضایی"). A title before
#: دکتر or مهندس names a professional, found by the clinician rules, not here.
_FA_LETTER = r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06D5]"
_FA_WORD = rf"{_FA_LETTER}(?:{_FA_LETTER}|[\u064B-\u065F\u200c])*"
_FA_TITLE_NAME = re.compile(
    rf"(?:حاج\s*)?(?:آقای|آقا|خانم)\s+(?!دکتر|مهندس|سرطان|بیمار)"
    rf"(?P<name>{_FA_LETTER}\.\s*{_FA_WORD}|{_FA_WORD}(?:\s+{_FA_WORD}(?:ی|یان|زاده|پور|نیا|فر|راد))?)"
)
#: Words that follow a title but are no name: "خانم‌ها" (ladies), "آقای من", "خانم که".
_FA_NOT_NAME = frozenset("""
    که از در به با را و هم همون همان همین این آن من ما شما او ایشان یک هر دکتر مهندس پرستار معلم
    همسایه همکار سرطان بیمار بیمارستان
""".split())


def _persian_names(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _FA_TITLE_NAME.finditer(text):
        words = match.group("name").split()
        if words and words[0] not in _FA_NOT_NAME:
            spans.append(match.span("name"))
    return spans


#: "a crab called Carcinoma Carl", "one old goldfish ... His name is Gerald", "mi perro se llama Toby".
_NAMED_THING = re.compile(
    r"\b(?:mascot|crab|fish|goldfish|dog|puppy|cat|kitten|parrot|bird|hamster|rabbit|bunny|horse|pony|pet"
    r"|tortoise|turtle|plant|robot|teddy|bear|doll|toy|puppet|tumou?r|perr[oa]|perrit[oa]|gat[oa]|gatit[oa]"
    r"|pez|mascota|peluche|chien|chat|poisson|mascotte|hund|katze|fisch|maskottchen|kuscheltier|cachorr[oa]"
    r"|peixe|mascote|pelucia)\b[^.!?]*(?:[.!?][^.!?]*){0,2}?\b(?:called|named|nicknamed|dubbed|name\s+is"
    r"|name's|llamad[oa]|se\s+llama|appelee?|s'appelle|nommee?|heisst|namens|chamad[oa]|se\s+chama)"
    r"\s+(?:[^\W\d_]+\s+)?$"
)


def possible_names(text: str) -> list[tuple[int, int]]:
    """Every run of two or more capitalised, name-like words that is not an institution's name.

    Much wider than `find_names`: meant only for texts already judged to expose someone, where
    hiding a hospital's name by mistake costs little and showing a patient's name costs a lot.
    """
    toks = _tokens(text)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if not _pair_word(toks[i]):
            i += 1
            continue
        last = i
        while last + 1 < len(toks) and _joined(text, toks, last) and _surname_like(text, toks[last + 1]):
            last += 1
            if toks[last].possessive:
                break
        if last > i and not _not_a_person(text, toks, i, last, introduced=False):
            spans.append((toks[i].start, toks[last].end))
        i = last + 1
    return spans
