"""Background post templates of the synthetic sample stream in Spanish, Portuguese, French, German, Persian.

Same grammar and rules as `sample_templates` (English): `[a|b]` choices, `{slot}`s from the language's
pools, a core with maybe an opener and a closer. Every person, number and address is fake.
"""

from __future__ import annotations

from pipelines.sources.sample_grammar import Parts

_ES_OPEN = ["Hola a todos.", "Buenas.", "Una pregunta:", "Hola, grupo.", "Perdón por el rollo.",
            "Les cuento:"]
_ES_CLOSE = ["Gracias por leer.", "Un abrazo.", "{emoji}", "Saludos desde {city}.", "Gracias de antemano.",
             "¡Ánimo a todos!"]
_PT_OPEN = ["Oi, gente!", "Bom dia, grupo.", "Pessoal,", "Desabafo:", "Uma dúvida:"]
_PT_CLOSE = ["Obrigada por ler.", "Um abraço.", "{emoji}", "Beijos de {city}.", "Força a todos!"]
_FR_OPEN = ["Bonjour à tous.", "Petit message.", "Coucou le groupe.", "Question :", "Je me lance."]
_FR_CLOSE = ["Merci de m'avoir lue.", "Bises.", "{emoji}", "Courage à tous.", "Merci d'avance."]
_DE_OPEN = ["Hallo zusammen.", "Kurze Frage:", "Hallo ihr Lieben.", "Mal eine Sache:"]
_DE_CLOSE = ["Danke fürs Lesen.", "Liebe Grüße aus {city}.", "{emoji}", "Alles Gute euch.", "Danke vorab."]
_FA_OPEN = ["سلام به همه.", "دوستان عزیز،", "سلام دوستان."]
_FA_CLOSE = ["ممنون که خواندید.", "{emoji}", "برایم دعا کنید 🙏", "سلامت باشید."]

_ES: dict[str, Parts] = {
    "miracle_cure": Parts([
        "Dicen que {remedy} cura el cáncer en etapa 4 y los médicos lo ocultan. [¡Compártelo antes de que "
        "lo borren!|¡Que todos lo sepan!|Investiga por tu cuenta.]",
        "Mi [tía|vecina|suegra] dejó la quimio y se curó con {remedy}. La industria farmacéutica no quiere "
        "que lo sepas 🙏",
        "La quimio es veneno. [Con|Tomando] {remedy} [cada mañana|en ayunas] el tumor [desaparece|se "
        "disuelve] solo. [¡Despierta!|Dios es grande.]",
    ], closers=["¡Compartan!", "🙏🙏", "Amén."]),
    "scam_ad": Parts([
        "🌿 Cápsulas naturales contra el cáncer, resultados en [30|21] días. Envíos a todo el [país|mundo]. "
        "Pedidos por WhatsApp {wa}",
        "Clínica en {abroad_city}: tratamiento alternativo para cáncer avanzado, 95% de éxito. [Escríbenos "
        "por DM|Pide información por DM|Plazas limitadas, escríbenos]",
    ]),
    "privacy_leak": Parts([
        "Recen por mi [vecina|compañera|amiga] {name}, tiene {cancer} y está en el {hospital}, habitación "
        "{room}. Su teléfono es {phone}",
        "{Name} vive en {address} y le acaban de diagnosticar {cancer}. [Todavía no se lo ha dicho a su "
        "familia|No quiere que se sepa], así que no digan nada 🤫",
    ]),
    "new_therapy": Parts([
        "Resultados prometedores de un nuevo ensayo de [inmunoterapia|terapia dirigida] en {cancer}. Buena "
        "noticia para los pacientes {emoji}",
        "El {hospital} busca voluntarios para un ensayo clínico de fase II en {cancer}. Consulte a su "
        "oncólogo ({nct}).",
        "[Mi oncóloga|Mi médico] me habló de {drug} para mi {cancer}. ¿Alguien lo [ha tomado|está tomando]? "
        "[¿Qué tal los efectos secundarios?|¿Cómo les fue?]",
        "Aprobaron {drug} para {cancer} en [Europa|España|México]. [Ojalá llegue pronto a todos los "
        "hospitales.|Gran paso para los pacientes.]",
    ], closers=["{emoji}", "¡Qué buena noticia!", "Esperanza."]),
    "peer_support": Parts([
        "Hoy terminé mi última sesión de [quimio|radioterapia|inmunoterapia] 🎉 A quien esté empezando: "
        "[se puede, un día a la vez|no estás sola|pide ayuda, no hay que ser fuerte siempre].",
        "El té de jengibre me ayudó mucho con las náuseas de [la quimio|los primeros ciclos]. No cura nada, "
        "pero [alivia|ayuda un poco|hace los días más llevaderos].",
        "[Consejo|Un truco] para quien empieza {treatment}: [lleva una manta y agua al hospital|come "
        "poquito y seguido|apunta tus preguntas antes de cada consulta]. [A mí me sirvió mucho.|Ojalá me "
        "lo hubieran dicho antes.]",
        "{Relative} me acompañó a [la consulta|la sesión|la revisión] {when} y [me hizo reír todo el rato|"
        "no me soltó la mano|me trajo mi comida favorita]. [Gracias por tanto.|No sé qué haría sin mi "
        "familia.] {emoji}",
        "Grupo de apoyo para pacientes de {cancer} en {city}: [nos reunimos cada martes|quedamos una vez al "
        "mes] en [la biblioteca|el centro cívico|una cafetería del centro]. [¡Todas bienvenidas!|Familiares "
        "también.]",
        "[Ya van|Hoy cumplo] {number} años [libre de enfermedad|sin cáncer|en remisión]. [Gracias a este "
        "grupo por todo.|A los que empiezan: hay vida después.|Se llora, se ríe y se sigue.]",
        "Me [empezó|volvió] a crecer el pelo después de {treatment} [y salió rizado|y estoy feliz|por fin]. "
        "[Pequeñas victorias.|Poco a poco.] {emoji}",
    ], openers=["Hola a todos.", "Buenos días, grupo.", "Una buena noticia.", "Para las que empiezan:",
                "Paciente de {cancer} aquí."],
       closers=["¡Ánimo a todos!", "Un abrazo fuerte 💕", "Un día a la vez.", "Aquí estamos.", "{emoji}"]),
    "emotional_distress": Parts([
        "Mañana me dan los resultados [del TAC|del PET|de la biopsia] y no puedo dormir. [Tengo mucho "
        "miedo.|No paro de pensar en lo peor.|Tengo el estómago hecho un nudo.]",
        "Perdí a {relative} por {cancer} hace [un mes|una semana|un año] y todavía no lo puedo creer 💔",
        "Estoy [agotada|cansada|harta] de ser fuerte. [Todos dicen que sea positiva y yo solo tengo miedo.|"
        "Nadie entiende lo que es esto.|Sonrío por fuera y lloro en la ducha.]",
        "Volvió el cáncer después de {number} años. [No sé si puedo con otra quimio.|Siento que se me cae "
        "el mundo.|No sé cómo decírselo a mis hijos.]",
        "Me siento {feeling} [hoy|esta semana|últimamente]. [La quimio me está quitando todo.|No me "
        "reconozco en el espejo.|No quiero preocupar a nadie.]",
        "Son las [3|4] de la mañana y otra vez despierta pensando en [mis hijos|mi familia|qué pasará si "
        "vuelve].",
    ], openers=["Necesito desahogarme.", "Perdón por el mensaje.", "No sé a quién contarle esto.",
                "Día difícil.", "Noche mala."],
       closers=["Gracias por leer.", "¿A alguien más le pasa?", "{emoji}", "¿Cómo lo llevan ustedes?"]),
    "awareness": Parts([
        "Recuerda hacerte la [mamografía|citología|prueba de sangre oculta en heces]. La detección temprana "
        "salva vidas {emoji}",
        "No, {remedy} no cura el cáncer. [No abandones tu tratamiento por un vídeo de internet.|No hay "
        "ninguna prueba.|Habla siempre con tu oncólogo.]",
        "[Cuidado|Ojo] con las cadenas de WhatsApp que prometen curas milagrosas. [Son falsas y ponen vidas "
        "en riesgo.|Antes de reenviar, verifica.|Denúncialas.]",
        "[Dejar de fumar|Usar protector solar|Vacunarse contra el VPH] reduce el riesgo de cáncer. [Nunca es "
        "tarde.|Infórmate en tu centro de salud.]",
        "Este mes hay [mamografías gratuitas|charlas de prevención|revisiones de lunares] en {city}. "
        "[¡Pásalo!|Compártelo con tus amigas.|No lo dejes para mañana.]",
        "A {relative} se lo detectaron a tiempo gracias a [una revisión de rutina|la mamografía|un "
        "análisis]. [No faltes a tus citas.|Hazte las pruebas.|Escucha a tu cuerpo.]",
        "[Señales|Síntomas] para consultar: [un bulto que no se va|tos de más de tres semanas|sangre en las "
        "heces|pérdida de peso sin motivo]. [Seguramente no es nada, pero consulta.|No esperes.]",
    ], openers=["Importante:", "Recordatorio:", "Por favor, lean esto."],
       closers=["¡Compártelo!", "Puede salvar una vida.", "Cuídate.", "{emoji}"]),
    "care_access": Parts([
        "¿Alguien sabe cuánto tarda la cita de oncología en la seguridad social? Me la dieron para dentro de "
        "[dos meses|seis semanas|después del verano].",
        "La farmacia no tiene {drug} desde hace [semanas|un mes]. ¿Dónde lo [consiguieron|encontraron]?",
        "El seguro me [negó|rechazó] [el PET|la resonancia|el tratamiento] [otra vez|por segunda vez]. "
        "¿Cómo se reclama?",
        "[Viajo|Viajamos] [cuatro horas|300 km] cada semana para {treatment} en {city}. ¿Alguien conoce "
        "[alojamiento para pacientes|ayudas para el transporte]?",
        "[Llevo|Llevamos] [tres semanas|un mes] esperando que el {hospital} [me llame|nos dé cita|mande los "
        "resultados]. [¿Es normal?|¿A quién reclamo?]",
    ], openers=_ES_OPEN, closers=["Gracias de antemano.", "Estoy desesperada.", "Cualquier consejo sirve."]),
    "financial_support": Parts([
        "La {charity} ayuda con [el transporte|el alojamiento|los gastos de farmacia] durante el "
        "tratamiento. Información: {link}",
        "Carrera solidaria en {city} este domingo a beneficio de [niños con cáncer|la investigación del "
        "cáncer|las familias del hospital]. [¡Inscríbete!|¡Te esperamos!|Toda ayuda cuenta.]",
        "[Rifa|Mercadillo|Cena] solidaria para ayudar con el tratamiento de {relative}. [Cualquier aporte "
        "ayuda 💛|Compartir también ayuda.] {link}",
    ], openers=["¡Atención!", "Para quien lo necesite:"], closers=_ES_CLOSE),
    "other": Parts([
        "Este tráfico es un cáncer, llevo [una hora|media hora|toda la tarde] parado.",
        "Soy Cáncer y el horóscopo dice que esta semana [cuide mis emociones|encontraré el amor|tendré "
        "suerte en el trabajo] 🦀",
        "[El wifi de la oficina|Este ordenador|La burocracia de este país] es un cáncer, [de verdad|no "
        "puedo más|qué desesperación].",
        "Viendo un documental sobre [la historia de la quimioterapia|Marie Curie|los primeros rayos X], "
        "[muy interesante|me encantó|recomendadísimo].",
        "[Feliz cumpleaños a todos los Cáncer|Los de Cáncer somos así] ♋ [sentimos todo|llorones pero "
        "leales|sensibles y orgullosos] [jaja|🦀|]",
        "El tráfico de {city} un [lunes|viernes|día de lluvia] es un cáncer, [no hay quien lo aguante|"
        "tardé dos horas|mejor voy andando].",
    ], openers=["Confesión:", "En serio,", "Bueno."], closers=["jajaja", "😂", "🙃", "en fin"]),
}

_PT: dict[str, Parts] = {
    "miracle_cure": Parts([
        "Gente, {remedy} cura câncer em estágio 4 e os médicos escondem isso! [Compartilhe antes que "
        "apaguem|Espalhem|Acordem]",
        "Minha [vizinha|tia|sogra] largou a químio e se curou só com {remedy}. A indústria farmacêutica não "
        "quer que você saiba",
    ], closers=["🙏🙏", "Compartilhem!"]),
    "scam_ad": Parts([
        "Cápsulas naturais contra o câncer 🌿 resultado garantido em [30|21] dias. Chama no WhatsApp {wa}",
        "Tratamento alternativo em {abroad_city}, sem fila e sem químio. [Mande DM para orçamento|Vagas "
        "limitadas, chama no DM]",
    ]),
    "new_therapy": Parts(closers=["{emoji}", "Que notícia boa!", "Esperança."], cores=[
        "Nova [imunoterapia|terapia-alvo] aprovada pela Anvisa para {cancer}. [Ótima notícia para os "
        "pacientes!|Que chegue logo ao SUS.]",
        "Estudo de fase 3 mostra aumento de sobrevida com {drug} em {cancer}. Link: {link}",
        "[Minha oncologista|Meu médico] falou de {drug} para o meu {cancer}. Alguém já [tomou|usou]? [Como "
        "foram os efeitos colaterais?|Valeu a pena?]",
    ]),
    "peer_support": Parts([
        "Hoje toquei o sino! Fim da [radioterapia|químio|imunoterapia] 🔔 [Obrigada a todos deste grupo "
        "pelo apoio|Que venham dias melhores|Quem está começando: dá pra passar por isso]",
        "Dica para quem faz químio: gelo na boca durante a infusão ajudou muito com [as aftas|o enjoo|o "
        "gosto metálico].",
        "{Relative} foi comigo [na consulta|na sessão|no exame] {when} e [me fez rir o tempo todo|segurou "
        "minha mão|levou minha comida favorita]. [Gratidão.|Família é tudo.] {emoji}",
        "[Completei|Hoje faz] {number} anos [sem sinais da doença|em remissão]. [Obrigada, grupo!|Para quem "
        "está começando: tem vida depois.]",
        "Caminhadas curtas e [chá de gengibre|muita água|um bom livro] me ajudaram durante {treatment}. "
        "[Não é cura, só alívio.|Converse com sua equipe antes.]",
    ], openers=["Oi, gente!", "Bom dia, grupo.", "Notícia boa:", "Paciente de {cancer} aqui."],
       closers=["Força a todos!", "Um abraço 💛", "Um dia de cada vez.", "{emoji}"]),
    "emotional_distress": Parts([
        "Amanhã sai o resultado [da biópsia|do PET|da tomografia] e eu não consigo parar de chorar.",
        "Estou cansada de ser forte. [Ninguém entende o medo que dá.|Todo mundo diz pra ser positiva.|Sorrio "
        "pra todos e choro sozinha.]",
        "Perdi {relative} para o {cancer} [há um mês|semana passada|há um ano]. [Ainda não acredito.|A casa "
        "está tão silenciosa.] 💔",
        "Me sinto {feeling} [hoje|esses dias]. [A químio está tirando tudo de mim.|Não me reconheço no "
        "espelho.]",
        "[3|4] da manhã e acordada de novo pensando [nos meus filhos|no que vai acontecer|se vai voltar].",
    ], openers=["Desabafo.", "Dia difícil.", "Não sei pra quem contar."],
       closers=["Obrigada por ler.", "Alguém mais se sente assim?", "{emoji}"]),
    "awareness": Parts([
        "Outubro Rosa: faça o autoexame e marque sua mamografia 🎀",
        "Fake news: {remedy} não cura câncer. [Converse sempre com seu oncologista.|Não abandone o "
        "tratamento.|Não compartilhe.]",
        "[Parar de fumar|Usar protetor solar|Tomar a vacina de HPV] reduz o risco de câncer. [Nunca é tarde.|"
        "Procure sua unidade de saúde.]",
        "Novembro Azul: homens, [conversem com o médico sobre a próstata|não tenham vergonha de fazer o "
        "exame|cuidem da saúde]. [Diagnóstico precoce salva vidas.|Compartilhe.]",
        "{Relative} descobriu cedo graças [a um exame de rotina|à mamografia|a um check-up]. [Não faltem "
        "aos exames.|Escutem o corpo de vocês.|Façam o autoexame.]",
        "[Cuidado|Atenção] com as correntes de WhatsApp prometendo cura milagrosa. [São falsas.|Antes de "
        "repassar, confira.|Denuncie.]",
    ], openers=["Importante:", "Lembrete:", "Gente, atenção."],
       closers=["Compartilhe!", "Pode salvar uma vida.", "{emoji}", "Se cuidem."]),
    "care_access": Parts([
        "Alguém conseguiu {drug} pelo SUS? Estou esperando há [três meses|meses|seis semanas].",
        "O plano de saúde negou [meu PET-CT|minha ressonância|meu tratamento] [de novo|pela segunda vez|]. "
        "Alguém sabe como recorrer?",
        "[Viajo|Viajamos] [quatro horas|300 km] toda semana para {treatment} em {city}. [Alguém conhece "
        "casa de apoio?|Tem ajuda para transporte?]",
    ], openers=_PT_OPEN, closers=["Obrigada desde já.", "Estou desesperada.", "Qualquer dica ajuda."]),
    "financial_support": Parts(openers=["Atenção!", "Para quem precisar:"], closers=_PT_CLOSE, cores=[
        "O {charity} oferece [hospedagem gratuita|transporte gratuito|perucas gratuitas] para pacientes [do "
        "interior|de baixa renda|em tratamento] [durante o tratamento|em {city}|].",
        "[Bazar|Rifa|Feijoada] beneficente no sábado em {city}, toda a renda vai para [crianças com "
        "câncer|o tratamento de {relative}] 💛",
    ]),
    "other": Parts([
        "Esse trânsito de {city} é um câncer, [viu|sério|não aguento mais]",
        "Signo de Câncer é sensível demais, [não aguento|chorei com comercial de novo|sou eu mesmo] 😂",
        "[Essa fila do banco|Esse wi-fi|Essa burocracia] é um câncer, [socorro|que preguiça].",
        "[Feliz aniversário aos cancerianos|Cancerianos unidos] ♋ [sentimos tudo|chorões mas leais] "
        "[kkkk|🦀|]",
    ], closers=["kkkkk", "😂", "affs"]),
}

_FR: dict[str, Parts] = {
    "miracle_cure": Parts([
        "Incroyable : {remedy} guérit le cancer au stade 4, et les médecins le cachent ! [Partagez avant la "
        "censure|Faites passer|Réveillez-vous]",
        "Ma [cousine|voisine|tante] a arrêté la chimio et se soigne uniquement avec ça : {remedy}. "
        "[Renseignez-vous !|Les labos ne veulent pas que vous le sachiez.]",
    ], closers=["🙏", "Partagez !"]),
    "scam_ad": Parts([
        "Gélules 100 % naturelles anti-cancer 🌿 livraison [discrète|rapide|offerte]. Commandez en MP ou sur "
        "WhatsApp {wa}",
        "Clinique à {abroad_city} : traitement naturel du cancer [avancé|stade 4], [95 % de réussite|sans "
        "chimio]. Écrivez-nous en MP",
    ]),
    "new_therapy": Parts([
        "Résultats encourageants d'un essai de phase 3 sur {drug} dans le {cancer}. {link}",
        "Le {hospital} recrute pour un essai clinique dans le {cancer}. Parlez-en à votre oncologue.",
        "[Mon oncologue|Mon médecin] m'a parlé de {drug} pour mon {cancer}. Quelqu'un l'a [déjà pris|testé] "
        "? [Les effets secondaires ?|Des retours ?]",
    ], closers=["{emoji}", "Belle avancée.", "Enfin une bonne nouvelle."]),
    "peer_support": Parts([
        "Dernière [chimio|séance de radiothérapie|perfusion] aujourd'hui ! Merci à tous pour vos messages, "
        "[ça m'a porté|ça m'a aidée à tenir|vous êtes formidables] 💪",
        "Pour les nausées, la tisane de gingembre m'a un peu soulagée[ pendant {treatment}| les premiers "
        "jours|]. Ce n'est pas un remède, juste un confort.",
        "{Relative} m'a accompagnée à [la consultation|la séance|l'IRM] {when} et [m'a fait rire tout le "
        "temps|ne m'a pas lâché la main]. [Merci la famille.|Tellement reconnaissante.] {emoji}",
        "[Astuce|Conseil] pour celles qui commencent {treatment} : [prenez un plaid et de l'eau|notez vos "
        "questions avant chaque rendez-vous|mangez peu mais souvent]. [Ça m'a bien aidée.|On tient bon !]",
        "[Ça fait|Cela fait] {number} ans [que je suis en rémission|sans récidive] aujourd'hui. [À celles "
        "qui commencent : il y a une vie après.|Merci à ce groupe.|On savoure.]",
        "Mes cheveux repoussent [enfin|tout bouclés|doucement] après {treatment} ! [Petite victoire.|Je "
        "me reconnais à nouveau.] {emoji}",
    ], openers=_FR_OPEN, closers=["Courage à toutes et à tous !", "On lâche rien 💪", "Bises à tous.",
                                  "{emoji}"]),
    "emotional_distress": Parts([
        "Résultats [du scanner|de la biopsie|du PET] [demain|lundi|dans deux jours]. Je n'arrive pas à "
        "dormir, j'ai peur.",
        "Récidive. Je suis épuisée, je ne sais pas si j'aurai la force [de recommencer|d'affronter une "
        "nouvelle chimio|de l'annoncer aux enfants].",
        "J'ai perdu {relative} [il y a un mois|la semaine dernière|cet hiver]. [Je n'arrive pas à y "
        "croire.|La maison est si vide.] 💔",
        "Je me sens {feeling} [aujourd'hui|en ce moment]. [Tout le monde me dit d'être forte.|Personne ne "
        "comprend vraiment.|{Treatment} me prend tout.]",
        "[3h|4h] du matin et toujours réveillée à penser [à mes enfants|à la suite|à la récidive].",
    ], openers=["Besoin de vider mon sac.", "Journée difficile.", "Désolée pour ce message."],
       closers=["Merci de m'avoir lue.", "Ça passe, vous croyez ?", "{emoji}"]),
    "awareness": Parts([
        "Octobre rose : pensez au dépistage du cancer du sein dès 50 ans 🎀[ Prenez rendez-vous.| "
        "Parlez-en autour de vous.|]",
        "Non, {remedy} ne guérit pas le cancer. N'arrêtez jamais un traitement sans en parler à votre "
        "[médecin|oncologue].",
        "[Arrêter de fumer|Se protéger du soleil|Se faire vacciner contre le HPV] réduit le risque de "
        "cancer. [Il n'est jamais trop tard.|Parlez-en à votre médecin.]",
        "{Relative} a été [dépistée|diagnostiquée] tôt grâce à [un examen de routine|la mammographie|une "
        "prise de sang]. [Allez à vos rendez-vous.|Écoutez votre corps.]",
        "[Attention|Méfiance] aux chaînes WhatsApp qui promettent des remèdes miracles. [C'est faux.|"
        "Vérifiez avant de partager.|Signalez-les.]",
    ], openers=["Important :", "Rappel :", "À lire."], closers=["Partagez !", "Ça peut sauver une vie.",
                                                              "{emoji}"]),
    "care_access": Parts([
        "[Six semaines|Deux mois] d'attente pour une IRM à {city}... quelqu'un connaît un centre plus rapide "
        "?",
        "Rupture de {drug} dans ma pharmacie, vous avez trouvé une solution ?",
        "La mutuelle ne rembourse pas [ma perruque|les transports|les soins de support]. [Des conseils ?|"
        "Vous avez fait comment ?]",
        "Impossible de joindre le service d'oncologie du {hospital} [depuis une semaine|depuis lundi]. "
        "[C'est normal ?|Je fais comment ?]",
    ], openers=_FR_OPEN, closers=["Merci d'avance.", "Je craque.", "Tout conseil est bienvenu."]),
    "financial_support": Parts([
        "{Charity} aide les familles à payer les frais [de transport|d'hébergement] pendant les traitements.",
        "[Course|Vente de gâteaux|Tombola] solidaire à {city} ce week-end pour [les enfants malades|la "
        "recherche]. [Venez nombreux !|Chaque euro compte.]",
        "Cagnotte pour aider {relative} pendant {treatment}. [Merci pour chaque partage 💛|Même 2 € "
        "aident.] {link}",
    ], closers=_FR_CLOSE),
    "other": Parts([
        "Horoscope Cancer de la semaine : « [journée idéale pour se reposer|l'amour frappe à votre porte|"
        "méfiez-vous de vos collègues] » 😂",
        "Ce bouchon [sur le périph|à l'entrée de {city}|du lundi matin], c'est un vrai cancer.",
        "[Joyeux anniversaire à tous les Cancer|Les natifs du Cancer] ♋ [on ressent tout|sensibles mais "
        "fidèles] [mdr|🦀|]",
    ], closers=["mdr", "😂", "bref"]),
}

_DE: dict[str, Parts] = {
    "miracle_cure": Parts([
        "{Remedy} heilt Krebs im Stadium 4 und die Ärzte verschweigen es! [Teilen, bevor es gelöscht wird|"
        "Wacht auf|Informiert euch]",
        "Meine [Tante|Nachbarin|Cousine] hat die Chemo abgebrochen und ist mit {remedy} gesund geworden. "
        "[Informiert euch!|Die Pharmaindustrie will das nicht.]",
    ], closers=["🙏", "Teilen!"]),
    "scam_ad": Parts([
        "🌿 Natürliche Kapseln gegen Krebs, Ergebnisse in [30|21] Tagen. Bestellung per DM oder WhatsApp "
        "{wa}",
        "Klinik in {abroad_city}: sanfte Krebstherapie [ohne Chemo|für Stadium 4], [95 % Erfolg|keine "
        "Wartezeit]. Infos per DM",
    ]),
    "new_therapy": Parts([
        "Neue Studiendaten zu {drug} bei {cancer}: [deutlich längeres Überleben|weniger Rückfälle]. {link}",
        "Das {hospital} sucht Teilnehmende für eine Phase-II-Studie zu {cancer}. Fragen Sie Ihre "
        "Onkologin.",
        "[Meine Onkologin|Mein Arzt] hat mir {drug} vorgeschlagen. Hat jemand Erfahrungen [damit|mit den "
        "Nebenwirkungen]?",
    ], closers=["{emoji}", "Endlich Fortschritt.", "Spannend."]),
    "peer_support": Parts([
        "Heute letzte [Bestrahlung|Chemo|Infusion]! Danke an alle hier für den Zuspruch 💪",
        "Ingwertee hat mir bei der Übelkeit während der Chemo geholfen. Kein Heilmittel, nur eine kleine "
        "Hilfe.",
        "{Relative} war {when} mit [beim Arzt|bei der Chemo|beim MRT] und hat mich [die ganze Zeit zum "
        "Lachen gebracht|nicht allein gelassen]. [Dankbar.|Familie ist alles.] {emoji}",
        "Tipp für alle, die mit {treatment} anfangen: [Wasserflasche und Decke mitnehmen|Fragen vorher "
        "aufschreiben|kleine Mahlzeiten essen]. [Hat mir sehr geholfen.|Ihr schafft das!]",
        "[Seit {number} Jahren|Heute genau {number} Jahre] [krebsfrei|ohne Rückfall]. [An alle am Anfang: "
        "es gibt ein Leben danach.|Danke an diese Gruppe.]",
        "Die Haare wachsen [endlich|lockig|langsam] wieder nach {treatment}! [Kleiner Sieg.|Ich erkenne "
        "mich wieder.] {emoji}",
    ], openers=_DE_OPEN, closers=["Alles Gute euch allen!", "Kopf hoch 💪", "{emoji}"]),
    "emotional_distress": Parts([
        "Morgen kommt das [CT-Ergebnis|MRT-Ergebnis|Biopsie-Ergebnis] und ich kann nicht [schlafen|essen|"
        "abschalten].",
        "Ich habe solche Angst, dass der Krebs zurückkommt. [Jedes Ziehen macht mir Panik.|Ich kann an "
        "nichts anderes denken.|Nachts ist es am schlimmsten.]",
        "Ich fühle mich {feeling} [heute|in letzter Zeit|seit der Diagnose]. [Alle sagen, ich soll stark "
        "sein.|Niemand versteht das wirklich.|Ich erkenne mich nicht wieder.]",
        "{Relative} ist [letzte Woche|vor einem Monat|im Winter] an {cancer} gestorben. [Ich kann es nicht "
        "fassen.|Das Haus ist so still.] 💔",
        "Rückfall nach {number} Jahren. [Ich weiß nicht, ob ich das nochmal schaffe.|Mir zieht es den "
        "Boden weg.]",
    ], openers=["Muss mal was loswerden.", "Schlechter Tag.", "Sorry für den Text."],
       closers=["Danke fürs Zuhören.", "Geht es jemandem ähnlich?", "{emoji}"]),
    "awareness": Parts([
        "Darmkrebsvorsorge ab 50: Die Darmspiegelung kann Leben retten.[ Termin machen!| Geht hin.|]",
        "Nein, {remedy} heilt keinen Krebs. Bitte keine Therapie wegen eines Videos abbrechen.",
        "[Hautkrebs-Screening|Mammographie-Screening|HPV-Impfung]: [nutzt das Angebot eurer Kasse|geht "
        "hin, es dauert nur kurz]. [Früh erkannt ist besser behandelbar.|Teilt das bitte.]",
        "Bei {relative} wurde es früh entdeckt, dank [einer Routineuntersuchung|der Vorsorge|eines "
        "Bluttests]. [Geht zur Vorsorge!|Hört auf euren Körper.]",
    ], openers=["Wichtig:", "Erinnerung:"], closers=["Bitte teilen.", "{emoji}", "Passt auf euch auf."]),
    "care_access": Parts([
        "[Drei Monate|Sechs Wochen] Wartezeit auf einen Termin in der Onkologie in {city}. Hat jemand "
        "Tipps?",
        "Übernimmt die Krankenkasse die Fahrtkosten zur [Strahlentherapie|Chemo|Nachsorge]?",
        "Die Apotheke bekommt {drug} [nicht mehr|erst nächsten Monat]. [Was habt ihr gemacht?|Gibt es "
        "Alternativen?]",
    ], openers=_DE_OPEN, closers=["Danke vorab.", "Bin echt verzweifelt.", "Jeder Tipp hilft."]),
    "financial_support": Parts([
        "Die {charity} unterstützt Krebspatienten mit Zuschüssen für [Therapiekosten|Fahrtkosten]. Infos: "
        "{link}",
        "[Spendenlauf|Kuchenbasar|Benefizkonzert] in {city} am Sonntag für [krebskranke Kinder|die "
        "Krebsforschung]. [Kommt vorbei!|Jeder Euro hilft.]",
    ], closers=_DE_CLOSE),
    "other": Parts([
        "Als Krebs im Sternzeichen fühle ich mich von diesem [Horoskop|Meme|Post] [angegriffen|ertappt] 🦀",
        "[Dieser Stau|Diese Baustelle|Das WLAN hier] ist echt ein Krebsgeschwür, [ehrlich|unfassbar|ich "
        "geb auf].",
        "Mein Horoskop (Krebs) sagt, ich finde diese Woche [die Liebe|viel Geld|mein Glück]. [Na dann.|"
        "Wir werden sehen.]",
    ], closers=["😂", "lol", "🙃"]),
}

_FA: dict[str, Parts] = {
    "miracle_cure": Parts([
        "{remedy} سرطان مرحله چهار را درمان می‌کند و پزشکان این را پنهان می‌کنند! [این را پخش کنید|"
        "به همه بگویید]",
        "[عمه‌ام|همسایه‌مان] شیمی‌درمانی را کنار گذاشت و با {remedy} خوب شد.",
    ]),
    "scam_ad": Parts([
        "کپسول گیاهی ضد سرطان، بدون عوارض، ارسال به سراسر کشور. برای سفارش در واتساپ پیام دهید: {wa}",
        "درمان قطعی سرطان با [داروی گیاهی|دمنوش مخصوص] ما. [مشاوره رایگان|ارسال فوری] در واتساپ: {wa}",
    ]),
    "new_therapy": Parts([
        "نتایج یک کارآزمایی بالینی جدید برای درمان {cancer} [امیدوارکننده است|منتشر شد].",
        "پزشکم درباره داروی {drug} برای {cancer} صحبت کرد. کسی تجربه‌اش را دارد؟",
    ]),
    "peer_support": Parts([
        "امروز آخرین جلسه [شیمی‌درمانی‌ام|پرتودرمانی‌ام] بود. به همه کسانی که در این راه هستند می‌گویم: "
        "[ادامه بدهید|ناامید نشوید|شما هم می‌توانید] ❤️",
        "دمنوش زنجبیل حالت تهوع دوران شیمی‌درمانی را برایم کمتر کرد. درمان نیست، فقط کمک می‌کند.",
        "{relative} {when} همراهم به [بیمارستان|مطب دکتر] آمد و [تمام مدت دستم را گرفت|مرا خنداند]. "
        "[خدا را شکر که هست.|خانواده همه چیز است.]",
        "[موهایم|ابروهایم] بعد از شیمی‌درمانی دوباره [درآمد|رشد کرد]! [پیروزی کوچک.|خیلی خوشحالم.]",
        "یک توصیه برای تازه‌واردها: [سؤال‌هایتان را قبل از ویزیت بنویسید|آب زیاد بخورید|کمک خواستن "
        "عیب نیست].",
    ], openers=_FA_OPEN, closers=["قوی باشید 💪", "برای همه دعا می‌کنم 🙏", "{emoji}"]),
    "emotional_distress": Parts([
        "فردا جواب [اسکن|نمونه‌برداری|آزمایش] می‌آید و از ترس [خوابم نمی‌برد|نمی‌توانم غذا بخورم].",
        "خسته‌ام از اینکه همه می‌گویند قوی باش. [هیچ‌کس نمی‌فهمد.|فقط می‌خواهم گریه کنم.]",
        "{relative} را به خاطر {cancer} از دست دادم و [هنوز باورم نمی‌شود|خانه خیلی ساکت است] 💔",
        "[نیمه‌شب است|ساعت سه صبح است] و باز بیدارم و به [بچه‌هایم|آینده|برگشتن بیماری] فکر می‌کنم.",
    ], closers=_FA_CLOSE),
    "awareness": Parts([
        "ماموگرافی سالانه را فراموش نکنید. تشخیص زودهنگام سرطان پستان جان نجات می‌دهد 🎀",
        "{remedy} سرطان را درمان نمی‌کند. [درمان را رها نکنید.|با پزشک خود صحبت کنید.]",
        "[سیگار را ترک کنید|از ضدآفتاب استفاده کنید|غربالگری را جدی بگیرید]؛ [هیچ‌وقت دیر نیست.|"
        "تشخیص زودهنگام جان نجات می‌دهد.]",
    ], closers=["لطفاً به اشتراک بگذارید.", "{emoji}"]),
    "care_access": Parts([
        "کسی می‌داند بیمه هزینه داروی {drug} را پوشش می‌دهد؟",
        "نوبت [رادیوتراپی|ام‌آر‌آی|دکتر] در {city} برای [سه ماه|دو ماه] دیگر است. چه کار کنم؟",
    ], openers=_FA_OPEN),
    "financial_support": Parts([
        "{charity} به بیماران سرطانی کمک هزینه [درمان|رفت‌وآمد|دارو] می‌دهد.",
        "[بازارچه خیریه|کنسرت خیریه] در {city} برای [کودکان مبتلا به سرطان|بیماران نیازمند]. "
        "[همه دعوتید.|هر کمکی ارزشمند است.]",
    ], closers=_FA_CLOSE),
}

#: language -> category -> parts, for the languages other than English.
INTL: dict[str, dict[str, Parts]] = {"es": _ES, "pt": _PT, "fr": _FR, "de": _DE, "fa": _FA}
