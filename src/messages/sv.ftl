# goalsites meddelanden på svenska. Samma id och samma platshållare
# ({ $namn }) som i en.ftl. Skrivna för redaktörer: vad som är fel, var, och
# vad som ska stå i stället. Nycklar och värden som citeras ur en fil står
# som de är skrivna.
#
# Ordlista (samma ord som i handboken docs/authoring.md):
#   goal = delmål, programme = program, assessment = bedömning,
#   report_year = rapportåret, front matter = sidhuvudet (raderna mellan +++),
#   key = namn (som i "namn = värde"), table = grupp, slug = adressnamn,
#   anchor = ankare, UI strings = gränssnittstexter, template = mall.
# Skriv "ta bort" hellre än "radera", och "döp om" för rename.

## Hur problem visas

severity-error = fel
severity-warning = varning
hint-label = tips
note-label = obs
summary = { $errors } fel, { $warnings ->
        [one] 1 varning
       *[other] { $warnings } varningar
    } i { $files ->
        [one] 1 fil
       *[other] { $files } filer
    }
more-like-this = … och { $count ->
        [one] 1 likadant problem
       *[other] { $count } likadana problem
    } till i den här filen
more-like-this-hint = rätta dem på samma sätt som problemen ovan

## Läsa filer

file-unreadable = goalsite kan inte läsa filen: { $error }
file-too-large = filen är { $size } MB; goalsite läser filer på högst { $max } MB
file-too-large-hint = dela upp texten på flera sidor eller filer: en så lång text är svår att läsa på en skärm
file-changed-while-building = filen ändrades medan webbplatsen byggdes
file-changed-while-building-hint = bygg igen när den är sparad: inget från det här bygget publicerades
file-not-utf8 = filen är sparad med fel teckenkodning (den är inte UTF-8)
file-not-utf8-hint = spara om filen med teckenkodningen UTF-8 i editorn
invisible-character = texten innehåller ett osynligt { $kind ->
        [control] styrtecken
        [zero-width-space] mellanslag utan bredd
        [word-joiner] tecken som binder ihop ord
        [zero-width-no-break-space] hårt mellanslag utan bredd
       *[direction] tecken som styr textens riktning
    } (U+{ $code })
invisible-character-hint = ta bort tecknet (sådana tecken följer ofta med när man klistrar in text från ett annat program)
invisible-character-escaped = texten innehåller ett osynligt { $kind ->
        [control] styrtecken
        [zero-width-space] mellanslag utan bredd
        [word-joiner] tecken som binder ihop ord
        [zero-width-no-break-space] hårt mellanslag utan bredd
       *[direction] tecken som styr textens riktning
    } (U+{ $code }); ta bort det, eller skriv texten på nytt för hand
text-placeholder = texten är bara platshållaren … och inte ifylld; skriv texten i stället för …, eller ta bort raden om den inte behövs

## TOML-filer

toml-syntax = filen följer inte TOML:s regler här (TOML-läsaren säger: { $detail })
toml-stops-here = goalsite läser resten av filen när det här är rättat; då kan fler problem visas
toml-quotes = { $sides ->
        [both] texten står inom typografiska citattecken ({ $open }…{ $close }), sådana som Word sätter in; TOML behöver raka citattecken (")
        [open] texten börjar med ett typografiskt citattecken ({ $open }), sådant som Word sätter in; TOML behöver raka citattecken (")
       *[close] texten slutar med ett typografiskt citattecken ({ $close }), sådant som Word sätter in; TOML behöver raka citattecken (")
    }
toml-quotes-hint = skriv raka citattecken runt texten: "{ $text }" (inne i texten går typografiska citattecken bra)
toml-odd-space = här står ett hårt mellanslag (U+{ $code }), sådant som Word sätter in; TOML behöver ett vanligt mellanslag
toml-odd-space-hint = radera tecknet och skriv ett vanligt mellanslag
toml-colon-for-equals = efter namnet `{ $name }` står ett kolon (:), men TOML skriver = mellan namnet och värdet
toml-colon-for-equals-hint = skriv { $name } = i stället för { $name }:
toml-colon-for-equals-value-hint = skriv { $fix }
toml-name-letters = namnet `{ $name }` får bara innehålla små bokstäver a–z, siffror och - (inte å, ä, ö eller mellanslag)
toml-name-letters-hint = skriv { $suggestion }
toml-unclosed-text = texten saknar citattecknet (") som avslutar den
toml-unclosed-before-hint = sätt ett " efter { $text }, före kommatecknet
toml-text-over-lines = texten fortsätter på nästa rad, men en text inom citattecken (") ska stå på en enda rad
toml-text-over-lines-hint = ta bort radbrytningen i texten, eller skriv tre citattecken """ före och efter en text på flera rader
toml-unclosed-text-hint = sätt ett " sist i texten, på samma rad (en text på flera rader skrivs mellan """ och """)
toml-word-number = talet är skrivet så som TOML inte läser tal (med tankstreck, mellanslag, % eller decimalkomma)
toml-word-number-hint = skriv det så här: { $number }
toml-word-number-joined-hint = skriv { $number } i stället för { $written }, eller { $first }, { $second } om det är två värden
toml-unquoted-text = en text ska stå inom raka citattecken (")
toml-unquoted-text-hint = skriv den inom raka citattecken: "{ $text }"
toml-unquoted-text-hint-general = sätt raka citattecken (") runt texten; tal, datum och true/false skrivs utan
toml-missing-value = värdet saknas efter =
toml-missing-value-hint = skriv värdet efter =, till exempel en text inom raka citattecken: "…"
toml-unclosed-list = listan saknar ] i slutet
toml-unclosed-list-hint = avsluta listan med ]; värdena i den skiljs åt med kommatecken
toml-unclosed-braces = { "{" } saknar sin { "}" } i slutet
toml-unclosed-braces-hint = avsluta med { "}" }, till exempel { "{" } sv = "…", en = "…" { "}" }; texterna inom { "{" } { "}" } skiljs åt med kommatecken
toml-unclosed-header = namnet inom [ ] saknar ] i slutet
toml-unclosed-header-hint = avsluta namnet med ]; ett namn har inga mellanslag
toml-missing-equals = = saknas mellan namnet och värdet
toml-missing-equals-hint = skriv namn = värde, till exempel status = "ja"
toml-more-on-line = efter värdet står det något mer på samma rad
toml-more-on-line-hint = skriv varje värde på en egen rad; en kommentar börjar med #
toml-missing-comma = kommatecken saknas mellan två värden inom { "{" } { "}" }
toml-missing-comma-hint = skriv ett kommatecken mellan dem, till exempel { "{" } sv = "…", en = "…" { "}" }
toml-missing-list-comma = kommatecken saknas mellan värdena i listan
toml-missing-list-comma-hint = sätt ett kommatecken (,) efter värdet på rad { $line }; värdena i en lista skiljs åt med kommatecken
toml-values-without-comma-hint = skriv { $values }
toml-two-numbers = här står två tal utan kommatecken emellan, där det ska stå ett värde
toml-two-numbers-hint = behåll det ena, eller skriv båda som en lista: [{ $values }]
toml-extra-comma = här står ett kommatecken för mycket
toml-extra-comma-hint = ta bort kommatecknet
toml-extra-equals = här står ett = för mycket
toml-extra-equals-hint = skriv ett enda = mellan namnet och värdet, till exempel order = 1
toml-equals-in-list = i en lista står bara värden, inte namn = värde
toml-equals-in-list-hint = ta bort namnet och =, eller sätt { "{" } { "}" } runt namn = värde, till exempel [{ "{" } value = 12 { "}" }]
toml-backslash = ett \ i en text måste följas av n (ny rad), t (tabb), " eller ett \ till
toml-backslash-hint = skriv \\ för ett bakstreck, eller / i stället (till exempel i en sökväg: bilder/logo.svg)
toml-missing-name = namnet saknas före =
toml-missing-name-hint = skriv namnet före =, till exempel status = "ja"
toml-leading-zero = ett tal får inte börja med 0
toml-leading-zero-hint = skriv talet utan nollan först
toml-not-boolean = här ska det stå true eller false
toml-no-such-date = { $part ->
        [digits] datumet ska skrivas med fyra siffror för året och två för månaden och dagen
       *[other] datumet finns inte
    }{ $part ->
        [month] : månaden ska vara 01–12
        [day] : dagen ska vara 01–31 och finnas i månaden
        [hour] : timmen ska vara 00–23
        [minute] : minuten ska vara 00–59
        [second] : sekunden ska vara 00–59
       *[other] {""}
    }
toml-unknown-value = `{ $value }` är inte ett av de värden som får stå här
toml-unknown-key = goalsite känner inte igen `{ $key }` här
toml-missing-key = raden `{ $key } = …` saknas
toml-missing-key-hint = lägg till `{ $key } = …`; handboken för redaktörer (docs/authoring.md i goalsite) visar varje fil med exempel
toml-duplicate-key = samma namn står två gånger
toml-duplicate-key-at = namnet `{ $key }` står två gånger i samma grupp (första gången på rad { $line })
toml-duplicate-key-hint = ett namn får bara stå en gång i varje grupp: behåll den ena raden och ta bort den andra
toml-number-range = här ska det stå ett heltal från { $min } till { $max }, men det står { $number }
toml-wrong-type = här ska det stå { $expected ->
        [whole] ett heltal
        [whole-positive] ett heltal, 0 eller större
        [number] ett tal
        [text] en text inom "citattecken"
        [boolean] true eller false
        [list] en lista inom [hakparenteser]
        [date] ett datum (år-månad-dag)
        [table] en grupp inom { "{" } { "}" }
        [figure] ett tal (till exempel 12.5) eller "-" för ett år utan värde
        [figure-table] ett tal (till exempel 12.5), "-" för ett år utan värde eller { "{" } value = 12.5, status = "derived" { "}" }
        [translated] en text per språk, till exempel { "{" } sv = "…", en = "…" { "}" }, eller en text inom "citattecken"
       *[other] { $expected_text }
    }, men det står { $found ->
        [text] texten { $value }
        [number] talet { $value }
        [value] värdet { $value }
        [list] en lista
        [table] en grupp
        [date] ett datum
       *[other] { $value }
    }
toml-date-hint = skriv datumet som år-månad-dag utan citattecken, till exempel 2026-03-31
toml-number-without-quotes = skriv talet utan citattecken: { $number }
toml-decimal-point-without-quotes = skriv talet med decimalpunkt och utan citattecken: { $number }
toml-boolean-without-quotes = skriv true eller false, utan citattecken
toml-check-type = kontrollera värdet: text står inom "citattecken", tal gör det inte
decimal-comma-hint = skriv decimaltal med punkt, inte komma: { $number }
did-you-mean = menade du `{ $suggestion }`?
use-one-of = använd ett av de här värdena: { $list }
keys-allowed = de namn som får stå här är: { $list }

## site.toml

no-config = det finns ingen site.toml i { $folder }
no-config-hint = kör goalsite i webbplatsens mapp, eller ange mappen med --root MAPP
no-languages = webbplatsen måste ha minst ett språk: lägg till [[languages]] med `code` och `name`
language-twice = språket `{ $code }` står två gånger
language-code = en språkkod är en kort kod med små bokstäver, som `sv` eller `en`
language-code-hint = skriv code = "{ $code }"

## Temat

theme-name = `{ $name }` är inte namnet på ett tema
theme-name-hint = ett tema är en mapp under themes/: skriv bara mappens namn, till exempel theme = "umea"
theme-no-folder = det finns ingen mapp { $folder } för temat `{ $name }`
theme-no-folder-hint = skapa { $folder } med de filer du ändrar (templates/, static/, i18n/), eller ta bort raden theme = … så används det inbyggda temat som det är
theme-no-settings = temat har ingen theme.toml
not-a-colour = `{ $value }` är inte en färg
accent-colour-hint = skriv färgen som en färgkod med #, till exempel accent = "#0b5a8a"
accent-contrast = accentfärgen { $colour } har kontrasten { $ratio }:1 mot sidans bakgrund { $background }; länkar och text i den färgen behöver minst { $needed }:1
accent-contrast-hint = välj en mörkare nyans, till exempel accent = "{ $colour }" ({ $ratio }:1)
built-in-file-broken = den inbyggda filen går inte att läsa: { $detail }
theme-file-keys-hint = skriv bara de namn du ändrar, och skriv värdena som i den inbyggda filen (text inom citattecken, tal utan)
template-error = fel i mallen: { $detail }
chart-colour-hint = skriv färger som "#0b3c5d"
chart-style-empty = `[chart]` behöver minst en färg i `series` och ett streckmönster i `dashes`
no-ui-strings = goalsite har inga gränssnittstexter för språket `{ $lang }`
no-ui-strings-hint = kör `goalsite i18n { $lang }`: det skriver { $file } med alla texter som ska översättas
ui-string-missing = gränssnittstexten `{ $key }` saknas
ui-string-missing-hint = den finns bland texterna för `{ $lang }`: lägg till den översatt under [strings]
ui-string-needed = goalsite behöver den: lägg till den under [strings]
ui-slug = `{ $slug }` i `{ $key }` kan inte vara en del av en webbadress
slug-hint = använd små bokstäver a–z, siffror och -, till exempel "{ $slug }"
ui-string-unknown = `{ $key }` är inte en gränssnittstext som goalsite har
ui-string-unknown-hint = menade du `{ $suggestion }`? (namnen är desamma som i den inbyggda en.toml)
ui-strings-english = { $same } av de { $all } gränssnittstexterna för `{ $lang }` är fortfarande på engelska
ui-strings-english-hint = översätt texterna (inte namnen före =), och även [number], [typography] och [units]
theme-file-unread = goalsite läser inte den här filen, så den ändrar ingenting
theme-file-unread-hint = ett temas filer är theme.toml och filerna i templates/, static/ och i18n/

## Filer i content/

no-content-folder = mappen content/ saknas
no-content-folder-hint = skapa mappen content/ bredvid site.toml (se docs/authoring.md)
symbolic-link = det här är en länk till en annan plats (en symbolisk länk), så den publiceras inte
symbolic-link-hint = goalsite läser bara riktiga filer i content/: kopiera filen eller mappen hit i stället
path-loops = goalsite kan inte läsa den här mappen eller filen: en länk till en mapp leder runt i en cirkel
path-unreadable = goalsite kan inte läsa den här mappen eller filen: { $error }
assessments-file-name = en bedömningsfil ska ha sitt år som namn
year-file-name = döp den efter året som bedömningarna gäller, till exempel 2024.toml
toml-unknown-file = goalsite vet inte vad den här TOML-filen är till för
toml-unknown-file-hint = indikatorer ligger i <program>/indicators/<id>.toml och ett års bedömningar i <program>/assessments/<år>.toml, bredvid programmets programme.toml
content-file-unread = goalsite läser bara .md- och .toml-filer i content/; den här filen publiceras inte
content-file-unread-hint = lägg bilder och andra filer i temats mapp static/
page-language-missing = filnamnet säger inte vilket språk sidan är på
# $first: alla alternativ utom det sista, med komma emellan; $last: det sista; $count: hur många.
name-it = döp den till { $count ->
        [one] { $last }
       *[other] { $first } eller { $last }
    }
index-file-place = en _index-fil ska ligga i content/ (startsidan) eller i en programmapp
index-file-place-hint = en mapp blir ett program när den har en programme.toml
page-in-programme = fria sidor kan inte ligga i en programmapp
page-in-programme-hint = skriv programmets text i _index.{ $lang }.md, eller flytta den här sidan upp till content/
front-matter-yaml = sidhuvudet överst i filen börjar med ---, men i goalsite börjar det med +++
front-matter-yaml-hint = skriv sidhuvudet mellan två rader med +++, så här:
    {"  "}+++
    {"  "}title = "Om uppföljningen"
    {"  "}+++
front-matter-open = sidhuvudet överst i filen är inte avslutat
front-matter-open-hint = avsluta sidhuvudet med en rad där det bara står +++

## Logotypen

logo-outside = logotypen `{ $file }` är inte en fil i webbplatsens mapp
logo-outside-hint = skriv sökvägen från mappen där site.toml ligger, till exempel logo = "logo.svg"
logo-not-svg-file = logotypen måste vara en SVG-fil
logo-not-svg-file-hint = spara logotypen som SVG (då blir den skarp i alla storlekar)
logo-unreadable = goalsite kan inte läsa logotypen { $file }: { $error }
logo-missing-hint = lägg filen där, eller rätta sökvägen
logo-check-hint = kontrollera filen
logo-too-large = logotypen är { $size } kB; goalsite publicerar logotyper på högst { $max } kB
logo-too-large-hint = spara den som ren SVG utan inbäddade bilder
logo-unsafe-hint = exportera logotypen som en vanlig SVG-bild (utan skript och utan länkar till andra filer)
logo-not-utf8 = logotypen { $file } är inte sparad som UTF-8-text
logo-invalid-svg = logotypen { $file } är inte korrekt SVG: { $detail }
logo-root-not-svg = logotypen { $file } är inte en SVG-bild (den yttersta taggen är inte <svg>)
logo-element = logotypen { $file } innehåller <{ $element }>
logo-script-attribute = logotypen { $file } innehåller ett skript (attributet { $attribute })
logo-reference = logotypen { $file } hänvisar till en annan fil: { $value }

## Texter på alla språk

text-missing-lang = { $what ->
        [slug] adressnamnet (`slug`)
        [category-name] kategorins namn
        [correction] rättelsen (`correction`)
        [definition] definitionen
        [footer-address] adressen i sidfoten
        [footer-organisation] organisationens namn i sidfoten
        [goal-target] delmålets mål (`target`)
        [goal-title] delmålets titel
        [indicator-title] indikatorns titel
        [label] diagrammets namn (`label`)
        [logo-alt] `logo_alt`
        [menu-title] menynamnet
        [motivation] motiveringen
        [no-goals-note] `no_goals_note`
        [note] kommentaren
        [programme-title] programmets titel
        [scale-description] bedömningens beskrivning
        [scale-label] bedömningens namn
        [series-name] seriens namn
        [shortcoming] en av de kända bristerna
        [site-description] webbplatsens beskrivning
        [site-title] webbplatsens titel
        [source] källan
        [statement-contact] kontaktuppgiften i tillgänglighetsredogörelsen
        [statement-method] metodbeskrivningen i tillgänglighetsredogörelsen
        [summary] sammanfattningen
        [supervisor] tillsynsmyndigheten
        [target-label] målets namn i diagrammet
        [unit] enheten
        [value-note] kommentaren till värdet
       *[other] texten
    } saknar text på språket `{ $lang }`
text-empty-lang-hint = texten på { $lang } är tom: skriv den mellan citattecknen
text-missing-lang-hint = lägg till { $lang } = "…" inom { "{" } { "}" }, efter texterna på de andra språken
text-unknown-lang = { $what ->
        [slug] adressnamnet (`slug`)
        [category-name] kategorins namn
        [correction] rättelsen (`correction`)
        [definition] definitionen
        [footer-address] adressen i sidfoten
        [footer-organisation] organisationens namn i sidfoten
        [goal-target] delmålets mål (`target`)
        [goal-title] delmålets titel
        [indicator-title] indikatorns titel
        [label] diagrammets namn (`label`)
        [logo-alt] `logo_alt`
        [menu-title] menynamnet
        [motivation] motiveringen
        [no-goals-note] `no_goals_note`
        [note] kommentaren
        [programme-title] programmets titel
        [scale-description] bedömningens beskrivning
        [scale-label] bedömningens namn
        [series-name] seriens namn
        [shortcoming] en av de kända bristerna
        [site-description] webbplatsens beskrivning
        [site-title] webbplatsens titel
        [source] källan
        [statement-contact] kontaktuppgiften i tillgänglighetsredogörelsen
        [statement-method] metodbeskrivningen i tillgänglighetsredogörelsen
        [summary] sammanfattningen
        [supervisor] tillsynsmyndigheten
        [target-label] målets namn i diagrammet
        [unit] enheten
        [value-note] kommentaren till värdet
       *[other] texten
    } har en text på språket `{ $lang }`, men webbplatsen har inte det språket
site-languages-are = språken i site.toml är: { $list }
placeholder-unknown = goalsite känner inte igen `{ "{" }{ $name }{ "}" }`, så det publiceras som det står
placeholder-unknown-hint = menade du { "{" }{ $placeholder }{ "}" }? Det byts ut mot rapportåret (`report_year` i site.toml)
slug-not-address = adressnamnet `{ $slug }` kan inte vara en del av en webbadress
id-not-slug = { $kind ->
        [goal] delmålets
       *[programme] programmets
    } id `{ $id }` får bara innehålla små bokstäver a–z, siffror och -
write-id = skriv `{ $id }`
year-not-sensible = { $year } är inte ett rimligt år

## Adresser och kontaktuppgifter i site.toml

base-url-scheme = adressen i `{ $field }` måste börja med https:// eller http://
base-url-no-host = adressen i `{ $field }` saknar ett domännamn (som www.example.se)
base-url-characters = adressen i `{ $field }` får inte innehålla mellanslag, citattecken, ? eller #
base-url-hint = skriv den som "https://www.example.se/uppfoljning/"
link-unsafe-scheme = adressen i `{ $field }` börjar med `{ $scheme }:`, och sådana adresser kan inte publiceras som länkar
link-not-full = adressen i `{ $field }` är inte fullständig
link-characters = adressen i `{ $field }` får inte innehålla mellanslag, citattecken eller < >
link-hint = skriv hela adressen, så att den börjar med https://, http://, mailto: eller tel:
report-year-not-sensible = rapportåret, `report_year = { $year }`, är inte ett rimligt år
logo-needs-alt = logotypen behöver en text för skärmläsare och sökmotorer
logo-needs-alt-hint = lägg till logo_alt = { $example } och skriv vad logotypen visar (oftast organisationens namn)
logo-alt-without-logo = `logo_alt` är ifylld, men det finns ingen logotyp
logo-alt-without-logo-hint = lägg till logo = "logo.svg" (en SVG-fil i webbplatsens mapp), eller ta bort `logo_alt`
not-an-email = `{ $value }` är inte en e-postadress
email-hint = skriv bara adressen, till exempel kommunen@example.se
not-a-phone = `{ $value }` är inte ett telefonnummer
phone-hint = använd bara siffror, mellanslag, + - och ( ), till exempel 090-16 10 00
scale-step-twice = bedömningen `{ $id }` står två gånger i bedömningsskalan
scale-empty = bedömningsskalan är tom: lägg till minst ett steg med [[scale]]
statement-needs-organisation = tillgänglighetsredogörelsen behöver organisationens namn
statement-needs-organisation-hint = lägg till organisation = { $example } under [footer]

## Öppna data

no-open-data = site.toml har ingen [open_data], så webbplatsen får ingen datakatalog för dataportal.se
no-open-data-hint = lägg till [open_data] med licence = "CC0-1.0" (eller "CC-BY-4.0"), contact_email, themes = ["GOVE"] och published = 2026-01-31
catalogue-needs-publisher = datakatalogen behöver utgivarens namn
licence-unknown = `{ $value }` är inte en licens som goalsite kan publicera siffrorna med
licence-hint = skriv licence = "CC0-1.0" (fri användning utan villkor) eller licence = "CC-BY-4.0" (den som använder siffrorna ska ange källan)
no-publication-date = siffrorna har inget publiceringsdatum
no-publication-date-hint = lägg till published = 2026-01-31 (dagen då siffrorna publicerades) under [open_data]
vocabulary-unknown = `{ $value }` är inte { $what ->
        [data-theme] ett datatema
       *[publisher-type] en utgivartyp
    } som finns i EU:s lista
vocabulary-nearest = menade du { $suggestion }? { $what ->
        [data-theme] Datatemana
       *[publisher-type] Utgivartyperna
    } är: { $list }
vocabulary-list = { $what ->
        [data-theme] datatemana
       *[publisher-type] utgivartyperna
    } är: { $list }
not-an-organisation-number = `{ $value }` är inte ett organisationsnummer
organisation-number-hint = skriv de tio siffrorna, till exempel organisation_number = "212000-0000"
not-a-date = `{ $field }` ska vara ett datum utan klockslag, men det står { $value }
date-hint = skriv bara datumet, utan citattecken och utan klockslag, till exempel { $field } = 2026-11-27

## Program, delmål och indikatorer

goal-id-twice = två delmål har id:t `{ $id }`
goal-id-twice-hint = varje delmål måste ha ett eget id på hela webbplatsen; det andra står i { $other }
indicator-id-twice = två indikatorer har id:t `{ $id }`
indicator-id-twice-hint = den andra är { $other }; döp om en av filerna
folder-not-address = mappnamnet `{ $folder }` kan inte vara en del av en webbadress
folder-not-address-hint = döp om mappen till `{ $folder }`, eller skriv slug = { "{" } … { "}" } i den här filen
programme-no-text = programmet har ingen text
programme-no-text-hint = skriv programmets text i { $count ->
        [one] { $last }
       *[other] { $first } och { $last }
    } i samma mapp
menu-title-long = { $what ->
        [menu-title] programmets menynamn
       *[title] programmets titel, som också står i menyn,
    } är längre än { $max } tecken (gäller språk: { $langs })
menu-title-long-hint = ge programmet ett kort namn för menyn: menu_title = { $example }
indicator-listed-twice = indikatorn `{ $id }` står två gånger i listan
no-such-indicator = det finns ingen indikator `{ $id }`
indicator-id-is-file-name = en indikators id är namnet på dess fil (utan .toml) i programmets mapp indicators/
indicator-id-not-slug = indikatorns id `{ $id }` (filens namn) får bara innehålla små bokstäver a–z, siffror och -
indicator-id-not-slug-hint = döp om filen till { $id }.toml
indicator-years-and-categories = en indikator har antingen år med [[series]] eller värden i [[category]], inte båda
indicator-years-and-categories-hint = dela upp den i två indikatorer
indicator-no-data = indikatorn har inga siffror
indicator-no-data-hint = lägg till years = [...] med [[series]], eller [[category]] (se docs/authoring.md)
years-empty = listan med år är tom
category-twice = kategorin { $name } står två gånger (första gången på rad { $line })
category-twice-hint = varje kategori ska stå en gång: ta bort den ena [[category]], eller rätta namnet
year-twice = året { $year } står två gånger
year-twice-hint = varje år ska stå en gång i years = [...]
years-order = åren står inte i ordning
years-order-hint = skriv åren från det tidigaste till det senaste
years-without-series = indikatorn har år men ingen [[series]]
years-without-series-hint = lägg till en [[series]] med `name` och `values = [...]`
year-in-time-series = `year` används i jämförelser med [[category]]; en tidsserie har years = [...]
series-empty = serien har inga värden
series-length = serien har { $values ->
        [one] 1 värde
       *[other] { $values } värden
    }, men det finns { $years } år
series-length-hint = skriv ett värde per år; skriv "-" för ett år utan värde
series-only-gaps = serien har inga värden, bara "-" (år utan värde)
target-before-data = målåret { $target } ligger före de första siffrorna ({ $first })
target-before-data-hint = ett mål ska ligga framåt i tiden jämfört med siffrorna; kontrollera året i `target`
series-in-comparison = [[series]] kräver years = [...]; en jämförelse har bara [[category]]
comparison-needs-year = en jämförelse med [[category]] behöver året som siffrorna gäller
comparison-needs-year-hint = lägg till year = 2023 (året som värdena gäller) överst i filen
category-needs-value = en kategori måste ha ett värde
decimal-comma-in-list = `{ $a },{ $b }` läses som två värden, { $a } och { $b }
decimal-comma-in-list-hint = är det ett värde, skriv det med decimalpunkt: { $a }.{ $b }; är det två, sätt ett mellanslag efter kommat
value-too-large = { $value } är ett för stort tal för att kunna ritas och visas exakt
value-too-large-hint = värden upp till en miljon miljarder (1e15) fungerar; använd en större enhet, till exempel tusental
line-chart-for-categories = ett linjediagram visar värden år för år, men den här indikatorn jämför kategorier
line-chart-for-categories-hint = skriv chart = "bar" eller "hbar", eller ta bort raden med `chart`
decimals-too-many = decimals = { $decimals } är fler decimaler än goalsite kan visa
decimals-too-many-hint = använd 0 till { $max }
value-rounded = { $value } visas avrundat till { $shown ->
        [one] 1 decimal
       *[other] { $shown } decimaler
    }: { $as_shown }
value-rounded-too-many-hint = avrunda värdet i filen till högst { $max } decimaler, eller skriv decimals = { $shown } överst i filen om du vill avrunda till det som visas
value-rounded-hint = skriv decimals = { $needed } överst i filen för att visa alla siffror, eller decimals = { $shown } om du vill avrunda
values-shown-alike = { $a } och { $b } visas båda som { $shown }
values-shown-alike-hint = visa fler decimaler (decimals = …), eller avrunda värdena i filen

## Bedömningar

assessments-after-report-year = de här bedömningarna gäller { $year }, som är efter rapportåret { $report_year }
assessments-after-report-year-hint = webbplatsen visar bedömningarna för rapportåret, `report_year` i site.toml; ändra det till { $year } när den rapporten ska publiceras
goal-unassessed = delmålet `{ $goal }` har ingen bedömning för rapportåret { $year }
goal-unassessed-hint = lägg till [{ $goal }] med `status` i { $file }; tills dess står det på sidan att delmålet inte är bedömt
no-such-goal = det finns inget delmål `{ $goal }` i { $file }
did-you-mean-table = menade du [{ $suggestion }]?
programme-no-goals = programmet har inga delmål; lägg till dem som [[goal]] i programme.toml
tables-are-goals = namnet inom [ ] ska vara id:t för ett av programmets delmål: { $list }
unknown-status = `{ $status }` är inte en av bedömningarna som webbplatsen använder ({ $list })
status-lowercase = skriv bedömningen med små bokstäver, som i site.toml: `{ $status }`
old-assessments = bedömningar skrivs inte längre under ett delmål i programme.toml
old-assessments-hint = varje års bedömningar ligger nu i en egen fil, med en grupp per delmål som har delmålets id som namn, så att en bedömning aldrig kan hamna på fel delmål. Flytta bedömningarna så här:{ $moved }

## Markdown-sidor

front-matter-unused-home = `{ $key }` används inte på startsidan
home-slug-hint = startsidan har alltid språkets egen adress (som /sv/); ta bort den här raden
home-order-hint = `order` placerar fria sidor i sidfoten, och startsidan är ingen fri sida; ta bort den här raden
delete-this-line = ta bort den här raden
front-matter-unused-narrative = `{ $key }` används inte i ett programs text
front-matter-unused-narrative-hint = för ett program skrivs `{ $key }` i { $file }: flytta dit värdet och ta bort den här raden
translation-missing = översättningen till `{ $lang }` saknas
translation-missing-hint = skapa { $file } (översätt { $from })
page-no-title = sidan har ingen titel
page-no-title-hint = lägg till ett sidhuvud överst i filen:
    +++
    title = "…"
    +++
path-part-not-address = `{ $part }` i filens sökväg kan inte vara en del av en webbadress
path-part-not-address-hint = döp om det till `{ $part }` (små bokstäver a–z, siffror och -)
link-no-text = länken har ingen text, så skärmläsare kan inte säga vart den leder
link-no-text-hint = skriv länktexten inom hakparenteserna: [text](adress)
image-no-alt = bilden har ingen alternativtext
image-no-alt-hint = beskriv bilden inom hakparenteserna: ![vad bilden visar](fil)
indented-code = raden börjar med ett indrag (en tabb eller fyra mellanslag) och visas därför som kod i en grå ruta, inte som vanlig text
indented-code-hint = ta bort indraget i början av raden; ska det vara kod, skriv ``` på raden före och på raden efter
raw-html = HTML-kod i Markdown publiceras precis som den står, utan kontroll
raw-html-forbidden-hint = den här webbplatsen tillåter inte HTML i Markdown (site.toml, [check] raw_html): skriv det i Markdown i stället
raw-html-hint = skriv det i Markdown om du kan; goalsite kan inte kontrollera om HTML-kod är tillgänglig
heading-attributes = det som står inom { "{" } { "}" } efter rubriken publiceras inte
heading-attributes-hint = goalsite behåller bara rubrikens ankare, { "{" }#id{ "}" }; ta bort resten
footnote-unused = ingenting i texten hänvisar till fotnoten [^{ $label }], så den publiceras inte
footnote-unused-hint = hänvisa till den i texten med [^{ $label }], eller ta bort den
chart-placed-twice = det här diagrammet står redan på rad { $line }, och ett diagram visas bara en gång
chart-placed-twice-hint = ta bort den här raden eller den på rad { $line }, så att diagrammet står där du vill ha det
chart-address = diagrammet `{ $written }` hittas inte: ett diagram placeras med en adress som börjar med @/ (från mappen content/)
chart-address-hint = skriv ![]({ $address }) och lämna hakparenteserna tomma: diagrammets text kommer från indikatorn
chart-not-alone = ett diagram måste stå ensamt i sitt stycke
chart-not-alone-hint = lägg en tom rad före och efter ![](@/…/indicators/….toml)
heading-level-one = rubriken har bara en #, men sidans titel är redan sidans huvudrubrik
heading-level-one-hint = börja textens rubriker på ##
heading-jump = rubriken hoppar från nivå { $from } till nivå { $to }
heading-jump-hint = använd { $hashes } här, så att den som använder skärmläsare inte missar en nivå
heading-id-not-anchor = rubrikens ankare `{ $id }` kan inte användas
heading-id-not-anchor-hint = använd små bokstäver a–z, siffror och -, till exempel { "{" }#{ $id }{ "}" }

## Länkar

link-parent-folder = länken @/{ $target } leder ingenstans: en länk kan inte gå uppåt med .. utan skrivs från mappen content/
link-no-file = länken @/{ $target } leder ingenstans: det finns ingen fil { $file }
link-no-goal = länken @/{ $target } leder ingenstans: det finns inget delmål `{ $goal }` i { $file }
link-goals-are = delmålen i { $file } är: { $list }
link-to-one-language = länken @/{ $target } går till texten på ett av språken: en länk går till sidan, som läsaren får på sitt språk
did-you-mean-link = menade du @/{ $suggestion }?
link-path-hint = skriv sökvägen till en fil, räknat från content/, till exempel @/programmapp/_index.md eller @/sida.md
link-runs-code = en länk som kör kod ({ $scheme }:) är inte tillåten
link-runs-code-hint = länka till en sida med @/… eller till en adress som börjar med https://
link-scheme-not-allowed = länkar till adresser som börjar med `{ $scheme }:` är inte tillåtna
link-scheme-not-allowed-hint = länka till en adress som börjar med https://, http://, mailto: eller tel:, eller till en sida med @/…
link-empty = länken har ingen adress
link-empty-hint = skriv adressen inom parentesen, till exempel [text](@/sökväg/från/content.md) eller [text](https://www.exempel.se/)
link-to-source-file = länken `{ $link }` går till en textfil, och textfilerna publiceras inte: länka till sidan med @/
link-to-source-file-hint = skriv @/ och filens väg under content/, till exempel @/{ $suggestion }
link-not-adjusted = länken `{ $link }` anpassas inte efter webbplatsens adress, så den kan sluta fungera när webbplatsen publiceras
link-not-adjusted-hint = länka till en sida på webbplatsen som @/sökväg/från/content.md, eller till en fullständig adress som börjar med https://
address-twice = två sidor har samma adress, { $path }
address-twice-hint = den andra är { $other }; ge en av dem en annan `slug`
anchor-missing = ankaret #{ $anchor } finns inte på sidan som länken leder till
anchor-untranslated-hint = sidan har ingen text på `{ $lang }` än, så den har andra ankare; länken fungerar när sidan är översatt
did-you-mean-anchor = menade du #{ $suggestion }?
anchor-hint = ett ankare är rubrikens text med små bokstäver och - i stället för mellanslag: ## Så görs bedömningen får ankaret #sa-gors-bedomningen

## Bygga

template-error-at = rad { $line }: fel i mallen: { $detail }
chart-not-drawn = diagrammet gick inte att rita: { $detail }
download-chart-not-drawn = diagrammet för nedladdning gick inte att rita: { $detail }
workbook-not-written = Excel-filen gick inte att skriva: { $detail }
file-not-written = filen gick inte att skriva: { $detail }
ui-strings-missing = gränssnittstexterna för `{ $lang }` saknar { $count ->
        [one] 1 text
       *[other] { $count } texter
    } som goalsite behöver
ui-strings-missing-hint = lägg till de här under [strings], översatta från engelska (eller kör `goalsite i18n { $lang }`, som lägger till dem åt dig):
    { $lines }
ui-placeholder-unknown = goalsite fyller inte i `{ "{" }{ $name }{ "}" }` i `{ $key }`, så det skulle publiceras precis som det står
ui-placeholder-hint = i `{ $key }` fyller goalsite bara i: { $list }
ui-placeholder-none-hint = goalsite fyller inte i något i den här texten: skriv den utan { "{" } { "}" }
ui-units-missing = gränssnittstexterna för `{ $lang }` har ingen [units]
ui-units-missing-hint = lägg till [units] med de ord som betyder procent, till exempel:
    {"["}units]
    percent = {"["}"prosenttia", "prosenttiyksikköä"]
search-failed = sökindexet gick inte att bygga: { $detail }
nothing-written = ingenting skrevs
output-not-swapped = webbplatsen gick inte att skriva: { $detail }
output-refused = goalsite skriver inte webbplatsen till { $folder }: { $why ->
        [file] det är en fil, inte en mapp; välj en mapp för webbplatsen
        [sources] den mappen innehåller webbplatsens egna filer, och de skulle ersättas
       *[foreign] mappen innehåller filer som goalsite inte har skrivit, och ett bygge ersätter hela mappen; välj en tom eller ny mapp
    }
output-under-file = goalsite skriver inte webbplatsen till { $folder }: { $file } är en fil, så det går inte att skapa en mapp i den

## goalsite init

init-not-empty = mappen { $folder } är inte tom: goalsite init skriver bara en ny webbplats i en ny eller tom mapp
init-not-written = webbplatsen gick inte att skriva: { $detail }
init-no-languages = --languages behöver minst en språkkod, till exempel `sv,en`
init-language-code = `{ $code }` är inte en språkkod: skriv koder som `sv`, `en`, `fi` eller `se`
init-wrote = Skapade en ny webbplats med { $files ->
        [one] 1 fil
       *[other] { $files } filer
    } i { $folder }.
init-untranslated = Texterna för språket `{ $lang }` är skrivna på engelska: översätt dem i content/ och i themes/default/i18n/{ $lang }.toml.
init-next = Nästa steg: goalsite serve --root { $folder }   (förhandsvisa: ändra i site.toml och content/ och se sidorna ändras)
    {"            "}goalsite check --root { $folder }   (listar alla problem)
    {"            "}goalsite build --root { $folder }   (skriver webbplatsen till { $folder }/public)

## goalsite build och check

progress-pages = { $done } av { $total } sidor
progress-indexing = Bygger sökindex för { $pages ->
        [one] 1 sida
       *[other] { $pages } sidor
    }
nothing-written-fix = Ingenting skrevs: rätta felen ovan och bygg igen.
left-out-of-open-data = Kom inte med i öppna data (exempeldata, inte officiella siffror): { $list }
left-out-of-open-data-more = Kom inte med i öppna data (exempeldata, inte officiella siffror): { $list } och { $more } till
catalogue-written = Skrev datakatalogen för dataportal.se: catalog.rdf
catalogue-nothing = Ingen datakatalog skrevs: ingen indikator har officiella siffror än (exempeldata är inte öppna data)
built = Byggde { $pages ->
        [one] 1 sida
       *[other] { $pages } sidor
    } och { $charts } diagram ({ $files ->
        [one] 1 fil
       *[other] { $files } filer
    }) i { $folder } på { $ms } ms
check-clean = Kontrollerade site.toml och { $files ->
        [one] 1 fil
       *[other] { $files } filer
    } i content/: inga problem.
strings-file-head = Gränssnittstexter för språket `{ $lang }`, för goalsites inbyggda tema och webbplatsens
    egna mallar. Översätt texterna inom citattecknen, aldrig namnen före =.
    Rader som är märkta "English: translate" har fortfarande den engelska texten:
    översätt dem och ta bort märket. [number], [typography] och [units] anger hur
    språket skriver tal, citattecken och procent.

## goalsite i18n

strings-written = Skrev { $file }: { $strings } gränssnittstexter, { $english ->
        [0] alla översatta
        [one] 1 är fortfarande på engelska och ska översättas
       *[other] { $english } är fortfarande på engelska och ska översättas
    }.
status-not-filled-in = bedömningen av `{ $goal }` för { $year } är inte ifylld än
status-not-filled-in-hint = skriv bedömningen mellan citattecknen: något av { $list }

## Utgåvor

goal-not-in-edition = delmålet `{ $goal }` fanns inte i utgåvan för { $year } och kan därför inte ha någon bedömning för { $year }
goal-not-in-edition-hint = ett nytt delmål bedöms första gången för året det lades till: flytta det här till det årets fil
published-status-changed = utgåvan för { $edition } publicerade `{ $status }` som bedömningen av `{ $goal }` för { $year }; en publicerad bedömning ändras bara med en rättelse
published-motivation-changed = motiveringen för `{ $goal }` { $year } skiljer sig från den som utgåvan för { $edition } publicerade; en publicerad bedömning ändras bara med en rättelse
published-added = utgåvan för { $edition } publicerade ingen bedömning av `{ $goal }` för { $year }; att lägga till en i ett publicerat år är en rättelse
published-hint = ångra ändringen, eller lägg till correction = { $example } som säger vad som rättades och varför: båda utgåvorna visar då rättelsen
published-removed = utgåvan för { $edition } publicerade en bedömning av `{ $goal }` för { $year }, men den finns inte längre i den här filen
published-removed-hint = lägg tillbaka [{ $goal }] som den var: en publicerad bedömning tas aldrig bort, den kan bara rättas
edition-year-mismatch = manifestet gäller { $year }, men ligger i mappen { $folder }
edition-file-changed = filen har ändrats efter att utgåvan för { $year } publicerades
edition-file-removed = filen har tagits bort efter att utgåvan för { $year } publicerades
edition-file-added = filen har lagts till efter att utgåvan för { $year } publicerades
edition-file-changed-hint = en publicerad utgåva ändras inte: ångra ändringen, eller, för att rätta den, beskriv rättelsen i { $corrections } och kör `goalsite correct { $year }`
edition-missing = utgåvan för { $year } saknas: site.toml anger den, men mappen { $folder } finns inte längre
edition-missing-hint = en publicerad utgåva ska finnas kvar på webben: lägg tillbaka mappen som den var, från versionshanteringen (git) eller en säkerhetskopia
edition-not-listed = utgåvan för { $year } i { $folder } finns inte med i site.toml
edition-not-listed-hint = ange alla tidigare utgåvor, så att det märks om någon tas bort: skriv `{ $list }` i site.toml, på en egen rad under report_year
edition-list-incomplete-hint = ange alla tidigare utgåvor, så att det märks om någon tas bort: ändra raden `editions = …` i site.toml till `{ $list }`
edition-listed-not-earlier = site.toml anger { $year } som en tidigare utgåva, men rapportåret är { $current }
edition-listed-not-earlier-hint = listan anger de år före rapportåret som har publicerats; goalsite new-year skriver den
edition-exists = utgåvan för { $year } finns redan sparad i { $folder }
edition-not-written = utgåvan kunde inte sparas: { $detail }
manifest-head = Vad utgåvan för { $year } publicerade, skrivet av goalsite: ändra inte här.
    En rättelse beskrivs i corrections.toml och sparas med `goalsite correct { $year }`.
published-not-updated = [open_data] published ({ $day }) är inte efter dagen då utgåvan för { $edition } publicerades ({ $edition_day })
published-not-updated-hint = skriv dagen då uppföljningen för { $year } publiceras; det är den dagen utgåvan sparas med nästa år
text-unchanged = texten är likadan som i utgåvan för { $edition }, fast rapporten nu gäller { $year }
text-unchanged-hint = uppdatera texten för { $year }; om den fortfarande stämmer som den är, skriv still_valid = { $year } i sidhuvudet (mellan raderna med +++)
translation-not-updated = texten är likadan som i utgåvan för { $edition }, men översättningen { $other } har skrivits om sedan dess
toml-text-unchanged = `{ $key }` är likadan som i utgåvan för { $edition }, fast rapporten nu gäller { $year }
toml-text-unchanged-hint = uppdatera den för { $year }; om filens texter fortfarande stämmer som de är, skriv still_valid = { $year } överst i filen

## goalsite new-year och correct

new-year-not-later = { $year } är inte senare än rapportåret { $current }: new-year börjar ett senare års rapport
new-year-not-written = det nya året kunde inte påbörjas: { $detail }
new-year-file-head = Bedömningarna för { $year }: skriv varje delmåls bedömning mellan citattecknen ({ $list }),
    och motiveringen på alla språk (ta bort # före motivation).
    Förra årets bedömning av varje delmål står i kommentarerna ovanför, som stöd.
new-year-last-year = { $year }: { $status }
no-such-edition = webbplatsen har ingen sparad utgåva för { $year }
correction-missing = filen har ändrats, men ingen rättelse i corrections.toml nämner den
correction-missing-hint = lägg till en rättelse i { $corrections } som säger när och vad som rättades, till exempel:
    {"["}[correction]]
    file = "{ $file }"
    date = { $date }
    note = { $note }
new-year-editions-comment = De tidigare utgåvorna, var och en sparad i editions/<år>/ (goalsite new-year lägger till varje år).
    Ta inte bort någon: det som har publicerats ska finnas kvar på webben.
new-year-done = Sparade utgåvan för { $year } i { $folder } och påbörjade rapporten för { $next }.
new-year-assessments = Fyll i bedömningarna för { $next } i:
new-year-update = De här beskriver fortfarande { $year }: uppdatera dem, eller markera att de fortfarande stämmer (check visar dem tills du gjort det):
correct-done = Sparade { $files ->
        [one] 1 rättad fil
       *[other] { $files } rättade filer
    } i utgåvan för { $year }.

## goalsite serve

serve-first-build = första bygget
serve-changed = { $more ->
        [0] { $file } ändrades
       *[other] { $file } och { $more } till ändrades
    }
serve-rebuilt = Byggde om { $pages } sidor på { $ms } ms ({ $why })
serve-search-parts = Sökindexet på plats efter { $ms } ms ({ $made } av dess { $parts } delar gjordes)
serve-failed = Bygget misslyckades ({ $why }): { $served ->
        [last-good] visar fortfarande det senaste bygget som fungerade, problemen visas i webbläsaren
       *[nothing] inget har kunnat byggas än, problemen visas i webbläsaren
    }
serve-stopped = Stoppad.
serve-serving = Förhandsvisning på { $url } (Ctrl-C för att stoppa)
serve-no-browser = Kunde inte öppna en webbläsare ({ $detail }); öppna { $url } själv.
serve-not-watched = Kunde inte bevaka en ny mapp: { $detail }
serve-visible = förhandsvisningen finns på { $address }: andra datorer i nätverket kan öppna den, med texter som inte är publicerade än. Skriv --bind 127.0.0.1 för att hålla den på den här datorn.
serve-bind-with-port = kan inte visa på { $bind }: skriv adressen utan port, och porten med --port: --bind { $ip } --port { $port }
serve-bind-unknown = kan inte visa på "{ $bind }": det är ingen IP-adress, och ingen dator med det namnet hittas; skriv --bind 127.0.0.1 (bara den här datorn) eller --bind 0.0.0.0 (alla datorer i nätverket)
serve-other-port = Port { $taken } används redan; använder { $port } i stället.
serve-ports-in-use = kan inte visa på { $at }: portarna { $first } till { $last } används alla redan; välj en ledig med --port N
serve-port-in-use = kan inte visa på { $at }: porten används redan (av ett annat program, eller en annan goalsite serve); prova --port { $next }
serve-not-this-computer = kan inte visa på { $at }: { $ip } är ingen adress som den här datorn har; skriv --bind 127.0.0.1 (bara den här datorn) eller --bind 0.0.0.0 (alla datorer i nätverket)
serve-port-not-allowed = kan inte visa på { $at }: det är inte tillåtet att använda porten ({ $detail }); portar under 1024 kräver administratörsrättigheter, prova --port { $port }
serve-cannot = kan inte visa på { $at }: { $detail }
overlay-title = Webbplatsen har fel
overlay-text = Rätta problemen nedan och spara: sidan laddas om av sig själv. Bakom rutan syns den senaste versionen som gick att bygga, om det finns någon. Invånarna ser aldrig den här rutan.
serve-editor-at = Redigera i webbläsaren: { $url }
serve-editor-local-only = Redigeringen i webbläsaren (/admin/) finns bara på den här datorn: kör goalsite serve utan --bind för att redigera i webbläsaren.
serve-api-not-local = bara den här datorn kan spara via förhandsvisningen
serve-api-origin = bara redigeringen i den här förhandsvisningen (/admin/) kan spara: begäran kom från en annan sida
serve-api-json = begäran är inte JSON, som redigeringen skickar
serve-api-token = redigeringens nyckel saknas eller är gammal: ladda om /admin/ (goalsite serve har startats om)
serve-api-too-large = begäran är större än { $max } MB
serve-api-path = `{ $path }` kan inte sparas från webbläsaren: bara .md- och .toml-filer i content/ kan det (aldrig editions/)
serve-api-no-media = bilder och andra filer laddas inte upp från webbläsaren; lägg dem i webbplatsens mapp
serve-api-no-delete = filer tas inte bort från webbläsaren; ta bort filen i webbplatsens mapp om den ska bort
serve-api-unknown-action = redigeringen bad om "{ $action }", som goalsite serve inte gör
serve-api-write-failed = kunde inte spara { $path }: { $detail }
serve-api-not-saved = Inte sparat: ändringen skulle ge webbplatsen { $count ->
        [one] ett fel
       *[other] { $count } fel
    } som måste rättas först:
    { $problems }
serve-api-saved = Sparat från webbläsaren: { $file }

## Redigeringen i webbläsaren (/admin/, Decap CMS)

cms-admin-title = Redigera uppföljningen
cms-admin-noscript = Redigeringen behöver JavaScript: slå på det i webbläsaren, eller ändra filerna i webbplatsens mapp.
cms-admin-failed = Redigeringen kunde inte starta: dess inställningar gick inte att läsa. Ladda om sidan; om det inte hjälper, säg till den som sköter webbplatsen.
cms-not-connected-title = Redigeringen i webbläsaren är inte kopplad än
cms-not-connected = Redigeringen i webbläsaren är påslagen för den här webbplatsen ([cms] i site.toml), men inte git-servern som den sparar i. Webbteamet fyller i backend, repo och inloggningen under [cms] (docs/deploy.md, avsnitt 12).
cms-not-connected-local = Till dess redigerar du på din egen dator: goalsite serve har redigeringen på /admin/ (handboken för redaktörer, kapitel 18).
cms-back-to-site = Till webbplatsen
cms-built = Skrev redigeringen i webbläsaren i admin/ (noindex; ge /admin/ en egen Content-Security-Policy, docs/deploy.md avsnitt 12).
cms-built-not-connected = Skrev admin/: en sida som säger att redigeringen i webbläsaren inte är kopplad än (fyll i backend, repo och inloggningen under [cms] för att publicera redigeringen).
cms-texts = Texter
cms-texts-about = Startsidan, varje programs text och de andra sidorna, en fil per språk. Texten är Markdown, som i handboken.
cms-home = Startsidan
cms-text-file = { $page } – { $language }
cms-body = Text
cms-body-hint = Markdown: ## före en rubrik, *kursiv*, **fet**, [en länk](@/tillvaxt/_index.md) till en annan sida. { "{" }report_year{ "}" } byts mot rapportåret.
cms-assessments = Bedömningar
cms-assessments-about = Varje programs bedömning av varje delmål, en fil per år. Ett tidigare år som redan är publicerat kan bara ändras med en rättelse.
cms-assessments-file = { $programme } { $year }{ $new ->
        [yes] { " " }(ny fil)
       *[no] {""}
    }
cms-indicators = Indikatorer
cms-indicators-about = Varje indikators siffror och texter: år och värden, vilken sorts siffra varje värde är, källan.
cms-indicator-file = { $programme }: { $indicator }
cms-programmes = Program
cms-programmes-about = Varje programs titel, sammanfattning och delmål (programme.toml).
cms-branch = `{ $branch }` är inget namn på en gren
cms-no-backend = `{ $key }` gör ingenting utan `backend`: skriv backend = "gitlab" eller backend = "github" under [cms]
cms-needs-repo = redigeringen i webbläsaren behöver `repo`: arkivet som webbplatsens filer finns i
cms-needs-repo-hint = skriv repo = "grupp/projekt" under [cms], som projektets adress på git-servern skriver det
cms-gitlab-needs-app-id = inloggning med GitLab behöver `app_id`: Application ID för webbplatsens OAuth-applikation
cms-gitlab-needs-app-id-hint = lägg till en applikation i GitLab (Settings → Applications) med webbplatsens /admin/ som omdirigerings-URI, scope api och "Confidential" avslaget; docs/deploy.md, avsnitt 12, visar hur
cms-github-needs-proxy = inloggning med GitHub behöver `base_url`: adressen till en OAuth-proxy (GitHub har ingen inloggning som en statisk webbplats kan använda på egen hand)
cms-github-needs-proxy-hint = docs/deploy.md, avsnitt 12, säger vad proxyn gör och hur man kör en
cms-not-https = `{ $key }` måste vara en adress som börjar med https://, inte "{ $value }"

## Kommandoraden

cli-about = Bygger en statisk webbplats på flera språk från en uppföljning av mål, skriven i Markdown och TOML
cli-after-help = Börja en ny webbplats med `goalsite init MAPP`, förhandsvisa den med `goalsite serve --root MAPP`. `goalsite KOMMANDO --help` berättar mer om varje kommando.
cli-usage = Så skriver du:
cli-commands = Kommandon
cli-arguments = Argument
cli-options = Val
cli-help = Visa den här hjälpen
cli-version = Visa vilken version av goalsite det är
cli-init-about = Börja en ny webbplats: ett litet exempel som fungerar, att göra om till er egen
cli-init-examples = Exempel:
      goalsite init norrvik                                   svenska och engelska
      goalsite init norrvik --name "Norrviks kommun"
      goalsite init norrvik --languages sv,en,fi              tre språk: de finska texterna och gränssnittet börjar på engelska
cli-build-about = Bygg webbplatsen i en mapp som vilken webbserver som helst kan visa
cli-build-examples = Exempel:
      goalsite build                              bygg webbplatsen i den här mappen till ./public
      goalsite build --root sites/umea            bygg en annan webbplats
      goalsite build --base-url http://localhost:8000/ --output /tmp/preview
cli-check-about = Kontrollera alla webbplatsens filer och lista alla problem, utan att skriva något
cli-check-examples = Exempel:
      goalsite check                              kontrollera webbplatsen i den här mappen
      goalsite check --deny-warnings              misslyckas också vid varningar (för automatiska tester)
      goalsite check --format json                ett JSON-objekt per problem (för automatiska tester och editorer)
cli-new-year-about = Börja nästa års rapport: behåll årets utgåva på webben som den är, och förbered nästa
cli-new-year-examples = Exempel:
      goalsite new-year 2025                      spara utgåvan för 2024 i editions/2024/ och börja 2025
      goalsite new-year 2025 --published 2025-04-15
cli-correct-about = Spara rättelser av en tidigare utgåva, beskrivna i dess corrections.toml
cli-correct-examples = Exempel:
      goalsite correct 2024                       efter att du ändrat filer i editions/2024/ och beskrivit varför i editions/2024/corrections.toml
cli-i18n-about = Skriv ett språks gränssnittstexter att översätta, och behåll de som webbplatsen redan har
cli-i18n-examples = Exempel:
      goalsite i18n fi                            themes/<tema>/i18n/fi.toml: alla texter, de som saknas på engelska
cli-serve-about = Förhandsvisa webbplatsen medan du skriver: bygger om vid varje sparning och laddar om webbläsaren
cli-serve-examples = Exempel:
      goalsite serve                              förhandsvisa på http://127.0.0.1:1111/
      goalsite serve --port 8080 --open           en annan port, och öppna webbläsaren
      goalsite serve --bind 0.0.0.0               låt andra enheter i nätverket se den
cli-arg-lang = Språket i goalsites meddelanden: sv eller en (annars GOALSITE_LANG, annars webbplatsens första språk, annars datorns)
cli-arg-root = Mappen där site.toml ligger
cli-arg-dir = Mappen att skapa, ny eller tom
cli-arg-languages = Webbplatsens språk, huvudspråket först
cli-arg-name = Organisationens namn, till sidfoten och titeln
cli-arg-output = Var webbplatsen skrivs (annars public/ i webbplatsens mapp); det som låg där ersätts
cli-arg-base-url = Webbplatsens publika adress, i stället för base_url i site.toml
cli-arg-quiet = Skriv bara ut fel och varningar
cli-arg-deny-warnings = Avsluta med 1 också vid varningar, inte bara vid fel
cli-arg-format = Hur problemen skrivs ut: text (för människor) eller json (ett JSON-objekt per problem, likadant på alla språk)
cli-arg-published = Dagen då den aktuella utgåvan publicerades (annars published under [open_data], annars i dag)
cli-arg-code = Språkkoden, till exempel fi eller se
cli-arg-port = Porten (annars 1111, eller nästa lediga)
cli-arg-bind = Adressen att lyssna på; bara den här datorn kan se 127.0.0.1
cli-arg-open = Öppna webbplatsen i webbläsaren
cli-new-year-year = Året för den nya rapporten
cli-correct-year = Utgåvans år
cli-value-folder = MAPP
cli-value-year = ÅR
cli-value-date = DATUM
cli-value-lang = SPRÅK
cli-value-address = ADRESS
cli-value-port = PORT
cli-value-name = NAMN
cli-value-other = VÄRDE
cli-default = (standard: { $value })
cli-options-word = VAL
cli-command-word = KOMMANDO
cli-no-command = skriv vad goalsite ska göra: goalsite build, check, serve, init, new-year, correct eller i18n (goalsite --help berättar mer)
cli-unknown-option = { $command } har inget val { $option }
cli-unknown-argument = `{ $value }` är inget som { $command } tar emot
cli-unknown-command = goalsite har inget kommando `{ $command }`
cli-did-you-mean = menade du { $suggestion }?
cli-see-help = `{ $command } --help` visar vad det tar emot
cli-commands-are = kommandona är: { $list }
cli-bad-value = `{ $value }` är inget värde som { $option } tar emot
cli-values-are = skriv ett av: { $list }
cli-bad-value-of = { $kind ->
        [year] `{ $value }` är inget årtal: skriv det med fyra siffror, till exempel 2025
        [date] `{ $value }` är inget datum: skriv det som år-månad-dag, till exempel 2025-04-15
        [port] `{ $value }` är ingen port: skriv ett tal från 1 till 65535
       *[other] `{ $value }` passar inte för { $option }
    }
cli-missing = { $command } behöver { $what }
cli-other = kommandoraden kunde inte läsas ({ $detail })
internal-error = goalsite stannade på grund av ett internt fel (inte ett problem i dina filer): { $detail }
internal-error-report = Berätta det för webbplatsens utvecklare, och skicka med filerna du ändrade senast.
