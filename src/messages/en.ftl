# goalsite's messages in English. Each message has a stable id (its name
# here), the same in every language; `sv.ftl` has the same ids with the same
# placeholders ({ $name }). Written for editors: what is wrong, where, and
# what to write instead. Keys and values quoted from a file stay as written.

## How problems are shown

severity-error = error
severity-warning = warning
hint-label = hint
note-label = note
summary = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    } in { $files ->
        [one] 1 file
       *[other] { $files } files
    }
more-like-this = … and { $count } more like this in this file
more-like-this-hint = fix the ones above the same way

## Reading files

file-unreadable = cannot read the file: { $error }
file-too-large = the file is { $size } MB; goalsite reads files of up to { $max } MB
file-too-large-hint = split it into several pages or files: a text this long is too long to read on a screen
file-changed-while-building = the file changed while the site was being built
file-changed-while-building-hint = build again once it is saved: nothing was published from this build
file-not-utf8 = the file is not valid UTF-8 text
file-not-utf8-hint = save the file as UTF-8 in your editor
invisible-character = the text holds an invisible { $kind ->
        [control] control character
        [zero-width-space] zero-width space
        [word-joiner] word joiner
        [zero-width-no-break-space] zero-width no-break space
       *[direction] text direction control
    } (U+{ $code })
invisible-character-hint = delete it (it often comes with text pasted from another program)
invisible-character-escaped = the text holds an invisible { $kind ->
        [control] control character
        [zero-width-space] zero-width space
        [word-joiner] word joiner
        [zero-width-no-break-space] zero-width no-break space
       *[direction] text direction control
    } (U+{ $code }); delete it, or write the text again by hand
text-placeholder = the text is only the placeholder … and not filled in; write the text instead of …, or delete the line if it is not needed

## TOML files

toml-syntax = the file does not follow TOML's rules here (the TOML reader says: { $detail })
toml-stops-here = goalsite reads the rest of the file once this is fixed; more problems may show then
toml-quotes = { $sides ->
        [both] the text is between typographic quotes ({ $open }…{ $close }), as Word writes them; TOML needs straight quotes (")
        [open] the text starts with a typographic quote ({ $open }), as Word writes it; TOML needs straight quotes (")
       *[close] the text ends with a typographic quote ({ $close }), as Word writes it; TOML needs straight quotes (")
    }
toml-quotes-hint = write straight quotes around the text: "{ $text }" (inside a text, typographic quotes are fine)
toml-odd-space = a non-breaking space (U+{ $code }) is here, as Word writes it; TOML needs an ordinary space
toml-odd-space-hint = delete it and type an ordinary space
toml-colon-for-equals = the name `{ $name }` is followed by a colon (:), but TOML writes = between the name and the value
toml-colon-for-equals-hint = write { $name } = instead of { $name }:
toml-colon-for-equals-value-hint = write { $fix }
toml-name-letters = the name `{ $name }` may hold only lowercase letters a–z, digits and - (no å, ä, ö or spaces)
toml-name-letters-hint = write { $suggestion }
toml-unclosed-text = the text has no quote (") to end it
toml-unclosed-before-hint = put a " after { $text }, before the comma
toml-text-over-lines = the text goes on to the next line, but a text in quotes (") is on one line
toml-text-over-lines-hint = delete the line break in the text, or write three quotes """ before and after a text of several lines
toml-unclosed-text-hint = put a " at the end of the text, on the same line (a text of several lines goes between """ and """)
toml-word-number = the number is written in a way TOML does not read numbers (with a dash, spaces, % or a decimal comma)
toml-word-number-hint = write it like this: { $number }
toml-word-number-joined-hint = write { $number } instead of { $written }, or { $first }, { $second } if they are two values
toml-unquoted-text = a text goes in straight quotes (")
toml-unquoted-text-hint = write it in straight quotes: "{ $text }"
toml-unquoted-text-hint-general = put straight quotes (") around the text; numbers, dates and true/false go without
toml-missing-value = the value is missing after =
toml-missing-value-hint = write the value after =, e.g. a text in straight quotes: "…"
toml-unclosed-list = the list has no ] at its end
toml-unclosed-list-hint = end the list with ]; its values are separated by commas
toml-unclosed-braces = the { "{" } has no { "}" } at its end
toml-unclosed-braces-hint = end it with { "}" }, e.g. { "{" } sv = "…", en = "…" { "}" }; the texts inside { "{" } { "}" } are separated by commas
toml-unclosed-header = the name in [ ] has no ] at its end
toml-unclosed-header-hint = end the name with ]; a name has no spaces
toml-missing-equals = = is missing between the name and the value
toml-missing-equals-hint = write name = value, e.g. status = "ja"
toml-more-on-line = something more follows the value on the same line
toml-more-on-line-hint = write each value on a line of its own; a comment starts with #
toml-missing-comma = a comma is missing between two values inside { "{" } { "}" }
toml-missing-comma-hint = write a comma between them, e.g. { "{" } sv = "…", en = "…" { "}" }
toml-missing-list-comma = a comma is missing between the values of the list
toml-missing-list-comma-hint = put a comma (,) after the value on line { $line }; the values of a list are separated by commas
toml-values-without-comma-hint = write { $values }
toml-two-numbers = two numbers without a comma between them, where one value belongs
toml-two-numbers-hint = keep one of them, or write both as a list: [{ $values }]
toml-extra-comma = there is one comma too many here
toml-extra-comma-hint = remove the comma
toml-extra-equals = there is one = too many here
toml-extra-equals-hint = write a single = between the name and the value, e.g. order = 1
toml-equals-in-list = a list holds values only, not name = value
toml-equals-in-list-hint = remove the name and =, or put { "{" } { "}" } around name = value, e.g. [{ "{" } value = 12 { "}" }]
toml-backslash = a \ in a text must be followed by n (new line), t (tab), " or another \
toml-backslash-hint = write \\ for a backslash, or / instead (in a path, say: images/logo.svg)
toml-missing-name = the name is missing before =
toml-missing-name-hint = write the name before =, e.g. status = "ja"
toml-leading-zero = a number cannot start with 0
toml-leading-zero-hint = write the number without the leading zero
toml-not-boolean = true or false goes here
toml-no-such-date = { $part ->
        [digits] a date is written with four digits for the year and two for the month and the day
       *[other] the date does not exist
    }{ $part ->
        [month] : the month must be 01–12
        [day] : the day must be 01–31 and be in the month
        [hour] : the hour must be 00–23
        [minute] : the minute must be 00–59
        [second] : the second must be 00–59
       *[other] {""}
    }
toml-unknown-value = `{ $value }` is not one of the values allowed here
toml-unknown-key = unknown key `{ $key }`
toml-missing-key = the key `{ $key }` is missing
toml-missing-key-hint = add `{ $key } = …`; the editor's guide (docs/authoring.md in goalsite) shows each file with an example
toml-duplicate-key = duplicate key
toml-duplicate-key-at = the key `{ $key }` is written twice in the same table (first on line { $line })
toml-duplicate-key-hint = a key is written once in each table: keep one of them, delete the other
toml-number-range = expected a whole number from { $min } to { $max }, found { $number }
toml-wrong-type = expected { $expected ->
        [whole] a whole number
        [whole-positive] a whole number of 0 or more
        [number] a number
        [text] text in "quotes"
        [boolean] true or false
        [list] a list in [brackets]
        [date] a date (year-month-day)
        [table] a table
        [figure] a number (like 12.5) or "-" for a year without a value
        [figure-table] a number (like 12.5), "-" for a year without a value or { "{" } value = 12.5, status = "derived" { "}" }
        [translated] a text per language, like { "{" } sv = "…", en = "…" { "}" }, or one text in "quotes"
       *[other] { $expected_text }
    }, found { $found ->
        [text] the text { $value }
        [number] the number { $value }
        [value] the value { $value }
        [list] a list
        [table] a table
        [date] a date
       *[other] { $value }
    }
toml-date-hint = write the date as year-month-day without quotes, e.g. 2026-03-31
toml-number-without-quotes = write the number without quotes: { $number }
toml-decimal-point-without-quotes = write the number with a decimal point and without quotes: { $number }
toml-boolean-without-quotes = write true or false, without quotes
toml-check-type = check the value's type: text goes in "quotes", numbers do not
decimal-comma-hint = write decimals with a point, not a comma: { $number }
did-you-mean = did you mean `{ $suggestion }`?
use-one-of = use one of: { $list }
keys-allowed = the keys allowed here are: { $list }

## site.toml

no-config = no site.toml in { $folder }
no-config-hint = run goalsite in the site's folder, or pass --root DIR
no-languages = the site needs at least one language
language-twice = the language `{ $code }` is listed twice
language-code = a language code is a short lowercase code like sv or en
language-code-hint = write code = "{ $code }"

## The theme

theme-name = `{ $name }` is not a theme's name
theme-name-hint = a theme is a folder in the site's themes/ folder: write only its name, like theme = "umea"
theme-no-folder = the theme `{ $name }` has no folder { $folder }
theme-no-folder-hint = create { $folder } with the files you change (templates/, static/, i18n/), or delete the theme line to use the built-in theme as it is
theme-no-settings = the theme has no theme.toml
not-a-colour = `{ $value }` is not a colour
accent-colour-hint = write it as a hex colour, like accent = "#0b5a8a"
accent-contrast = the accent colour { $colour } has a contrast of { $ratio }:1 against the page background { $background }; links and text in it need at least { $needed }:1
accent-contrast-hint = use a darker shade, like accent = "{ $colour }" ({ $ratio }:1)
built-in-file-broken = the built-in file does not parse: { $detail }
theme-file-keys-hint = write only the keys you change, with the types the built-in file has
template-error = template error: { $detail }
chart-colour-hint = write colours like "#0b3c5d"
chart-style-empty = [chart] needs at least one colour in series and one pattern in dashes
no-ui-strings = goalsite has no UI strings for the language `{ $lang }`
no-ui-strings-hint = run `goalsite i18n { $lang }`: it writes { $file } with every string to translate
ui-string-missing = the UI string `{ $key }` is missing
ui-string-missing-hint = the { $lang } strings have it: add its translation under [strings]
ui-string-needed = goalsite needs it: add it under [strings]
ui-slug = { $key } `{ $slug }` cannot be part of an address
slug-hint = use lowercase a–z, digits and -, e.g. "{ $slug }"
ui-string-unknown = `{ $key }` is not a UI string goalsite has
ui-string-unknown-hint = did you mean `{ $suggestion }`? (the keys are those of the built-in en.toml)
ui-strings-english = { $same } of the { $all } UI strings for `{ $lang }` are still the English ones
ui-strings-english-hint = translate the values (not the keys), and [number], [typography] and [units] too
theme-file-unread = goalsite does not read this file, so it changes nothing
theme-file-unread-hint = a theme's files are theme.toml and files in templates/, static/ and i18n/

## Files under content/

no-content-folder = the content folder is missing
no-content-folder-hint = create content/ next to site.toml (see docs/authoring.md)
symbolic-link = this is a link to another place (a symbolic link), so it is not published
symbolic-link-hint = goalsite reads only real files in content/: copy the file or folder here instead
path-loops = cannot read this path: a folder link that loops
path-unreadable = cannot read this path: { $error }
assessments-file-name = an assessments file is named after its year
year-file-name = name it like 2024.toml: the year the assessments are for
toml-unknown-file = goalsite does not know what this TOML file is
toml-unknown-file-hint = indicators go in <programme>/indicators/<id>.toml and a year's assessments in <programme>/assessments/<year>.toml, next to the programme's programme.toml
content-file-unread = goalsite only reads .md and .toml files in content/; this file is not published
content-file-unread-hint = put images and other files in the theme's static/ folder
page-language-missing = the file name does not say which language the page is in
# $first: the first alternatives, comma-separated; $last: the last one; $count: how many.
name-it = name it { $count ->
        [one] { $last }
       *[other] { $first } or { $last }
    }
index-file-place = an _index file belongs in content/ (home page) or in a programme folder
index-file-place-hint = a folder becomes a programme when it has a programme.toml
page-in-programme = free pages cannot live inside a programme folder
page-in-programme-hint = write the programme's text in _index.{ $lang }.md, or move this page up to content/
front-matter-yaml = the front matter starts with ---; goalsite's starts with +++
front-matter-yaml-hint = write it in TOML between two lines of +++, like:
    {"  "}+++
    {"  "}title = "Om uppföljningen"
    {"  "}+++
front-matter-open = the front matter is not closed
front-matter-open-hint = end the front matter with a line that holds only +++

## The logo

logo-outside = the logo `{ $file }` is not a file in the site folder
logo-outside-hint = write its path from the folder of site.toml, like logo = "logo.svg"
logo-not-svg-file = the logo must be an SVG file
logo-not-svg-file-hint = save the logo as SVG (it stays sharp at every size)
logo-unreadable = cannot read the logo { $file }: { $error }
logo-missing-hint = put the file there, or correct the path
logo-check-hint = check the file
logo-too-large = the logo is { $size } KB; goalsite publishes logos of up to { $max } KB
logo-too-large-hint = save it as plain SVG without embedded pictures
logo-unsafe-hint = export the logo as a plain SVG picture (no scripts, no links to other files)
logo-not-utf8 = the logo { $file } is not UTF-8 text
logo-invalid-svg = the logo { $file } is not valid SVG: { $detail }
logo-root-not-svg = the logo { $file } is not an SVG picture (its root element is not <svg>)
logo-element = the logo { $file } contains <{ $element }>
logo-script-attribute = the logo { $file } has a script attribute { $attribute }
logo-reference = the logo { $file } refers to another file: { $value }

## Texts in every language

text-missing-lang = { $what ->
        [slug] the slug
        [category-name] the category name
        [correction] the correction
        [definition] the definition
        [footer-address] the footer address
        [footer-organisation] the footer organisation
        [goal-target] the goal's target
        [goal-title] the goal title
        [indicator-title] the indicator title
        [label] the label
        [logo-alt] logo_alt
        [menu-title] the menu title
        [motivation] the motivation
        [no-goals-note] no_goals_note
        [note] the note
        [programme-title] the programme title
        [scale-description] the assessment description
        [scale-label] the assessment label
        [series-name] the series name
        [shortcoming] a known shortcoming
        [site-description] the site description
        [site-title] the site title
        [source] the source
        [statement-contact] the accessibility statement's contact
        [statement-method] the accessibility statement's method
        [summary] the summary
        [supervisor] the supervisory authority
        [target-label] the target label
        [unit] the unit
        [value-note] the value's note
       *[other] the text
    } has no text in `{ $lang }`
text-empty-lang-hint = the text in { $lang } is empty: write it between the quotes
text-missing-lang-hint = add { $lang } = "…" inside the { "{" } { "}" }, after the other languages' texts
text-unknown-lang = { $what ->
        [slug] the slug
        [category-name] the category name
        [correction] the correction
        [definition] the definition
        [footer-address] the footer address
        [footer-organisation] the footer organisation
        [goal-target] the goal's target
        [goal-title] the goal title
        [indicator-title] the indicator title
        [label] the label
        [logo-alt] logo_alt
        [menu-title] the menu title
        [motivation] the motivation
        [no-goals-note] no_goals_note
        [note] the note
        [programme-title] the programme title
        [scale-description] the assessment description
        [scale-label] the assessment label
        [series-name] the series name
        [shortcoming] a known shortcoming
        [site-description] the site description
        [site-title] the site title
        [source] the source
        [statement-contact] the accessibility statement's contact
        [statement-method] the accessibility statement's method
        [summary] the summary
        [supervisor] the supervisory authority
        [target-label] the target label
        [unit] the unit
        [value-note] the value's note
       *[other] the text
    } has a text in `{ $lang }`, which is not a language of the site
site-languages-are = the languages in site.toml are: { $list }
placeholder-unknown = `{ "{" }{ $name }{ "}" }` is not a placeholder goalsite knows
placeholder-unknown-hint = did you mean { "{" }{ $placeholder }{ "}" }? It is replaced by report_year from site.toml
slug-not-address = the slug `{ $slug }` cannot be used in an address
id-not-slug = the { $kind ->
        [goal] goal
       *[programme] programme
    } id `{ $id }` may only have lowercase a–z, digits and -
write-id = write `{ $id }`
year-not-sensible = { $year } is not a sensible year

## Addresses and contact details in site.toml

base-url-scheme = { $field } must start with https:// or http://
base-url-no-host = { $field } has no host name
base-url-characters = { $field } may not contain spaces, quotes, ? or #
base-url-hint = write it like "https://www.example.se/uppfoljning/"
link-unsafe-scheme = { $field } `{ $scheme }:` addresses cannot be published as links
link-not-full = { $field } is not a full address
link-characters = { $field } may not contain spaces, quotes or < >
link-hint = write a full address starting with https://, http://, mailto: or tel:
report-year-not-sensible = report_year { $year } is not a sensible year
logo-needs-alt = the logo needs a text for screen readers and search engines
logo-needs-alt-hint = add logo_alt = { $example }, saying what the logo shows
logo-alt-without-logo = logo_alt is set, but there is no logo
logo-alt-without-logo-hint = add logo = "logo.svg" (an SVG file in the site folder), or remove logo_alt
not-an-email = `{ $value }` is not an e-mail address
email-hint = write only the address, like kommunen@example.se
not-a-phone = `{ $value }` is not a phone number
phone-hint = write digits, spaces, + - and ( ) only, like 090-16 10 00
scale-step-twice = the assessment `{ $id }` is listed twice
scale-empty = the assessment scale is empty
statement-needs-organisation = the accessibility statement needs the organisation's name
statement-needs-organisation-hint = add organisation = { $example } under [footer]

## Open data

no-open-data = the site has no [open_data], so it publishes no data catalogue for dataportal.se
no-open-data-hint = add [open_data] with licence = "CC0-1.0" (or "CC-BY-4.0"), contact_email, themes = ["GOVE"] and published = 2026-01-31
catalogue-needs-publisher = the data catalogue needs the publisher's name
licence-unknown = `{ $value }` is not a licence goalsite can publish data under
licence-hint = write licence = "CC0-1.0" (no conditions) or "CC-BY-4.0" (name the source)
no-publication-date = the data has no publication date
no-publication-date-hint = add published = 2026-01-31 (the day the data was published) under [open_data]
vocabulary-unknown = `{ $value }` is not a { $what ->
        [data-theme] data theme
       *[publisher-type] publisher type
    } the EU's vocabulary has
vocabulary-nearest = did you mean { $suggestion }? The { $what ->
        [data-theme] data themes
       *[publisher-type] publisher types
    } are { $list }
vocabulary-list = the { $what ->
        [data-theme] data themes
       *[publisher-type] publisher types
    } are { $list }
not-an-organisation-number = `{ $value }` is not an organisation number
organisation-number-hint = write the ten digits, like organisation_number = "212000-0000"
not-a-date = { $field } { $value } is not a date
date-hint = write the date without quotes or a time, like { $field } = 2026-11-27

## Programmes, goals and indicators

goal-id-twice = the goal id `{ $id }` is used twice
goal-id-twice-hint = goal ids must be unique in the whole site; the other is at { $other }
indicator-id-twice = the indicator id `{ $id }` is used twice
indicator-id-twice-hint = the other is { $other }; rename one of the files
folder-not-address = the folder name `{ $folder }` cannot be used in an address
folder-not-address-hint = rename the folder to `{ $folder }`, or set slug = { "{" } … { "}" } in this file
programme-no-text = the programme has no text
programme-no-text-hint = write its narrative in { $count ->
        [one] { $last }
       *[other] { $first } and { $last }
    } in the same folder
menu-title-long = the programme's { $what ->
        [menu-title] menu title
       *[title] title, shown in the menu,
    } is longer than { $max } characters in { $langs }
menu-title-long-hint = give the menu a short name: menu_title = { $example }
indicator-listed-twice = the indicator `{ $id }` is listed twice
no-such-indicator = there is no indicator `{ $id }`
indicator-id-is-file-name = an indicator's id is its file name in the programme's indicators/ folder
indicator-id-not-slug = the indicator id `{ $id }` (its file name) may only have lowercase a–z, digits and -
indicator-id-not-slug-hint = rename the file to { $id }.toml
indicator-years-and-categories = an indicator has either years with [[series]] or [[category]] values, not both
indicator-years-and-categories-hint = split it into two indicators
indicator-no-data = the indicator has no data
indicator-no-data-hint = add years = [...] with [[series]], or [[category]] entries (see docs/authoring.md)
years-empty = the list of years is empty
category-twice = the category { $name } is listed twice (first on line { $line })
category-twice-hint = each category appears once: delete one [[category]], or correct its name
year-twice = the year { $year } is listed twice
year-twice-hint = each year appears once in years = [...]
years-order = the years are not in order
years-order-hint = list the years from the earliest to the latest
years-without-series = the indicator has years but no [[series]]
years-without-series-hint = add a [[series]] with a name and values = [...]
year-in-time-series = `year` is for comparisons by [[category]]; a time series uses years = [...]
series-empty = the series has no values
series-length = the series has { $values } values but there are { $years } years
series-length-hint = give one value per year; write "-" for a year without a value
series-only-gaps = the series has no values, only gaps
target-before-data = the target year { $target } is before the data starts ({ $first })
target-before-data-hint = a target lies in the future of the data; check the year
series-in-comparison = [[series]] needs years = [...]; comparisons use [[category]] only
comparison-needs-year = a comparison by [[category]] needs the year it shows
comparison-needs-year-hint = add year = 2023 (the year of the values) at the top
category-needs-value = a category needs a value
decimal-comma-in-list = `{ $a },{ $b }` is read as two values, { $a } and { $b }
decimal-comma-in-list-hint = if it is one value, write it with a decimal point: { $a }.{ $b }; if it is two, put a space after the comma
value-too-large = { $value } is too large to draw and show exactly
value-too-large-hint = values up to a thousand million million (1e15) work; use a larger unit, like thousands
line-chart-for-categories = a line chart draws values over years; this indicator compares categories
line-chart-for-categories-hint = use chart = "bar" or "hbar", or leave chart out
decimals-too-many = decimals = { $decimals } is more than goalsite shows
decimals-too-many-hint = use 0 to { $max }
value-rounded = { $value } is shown rounded to { $shown } decimals, as { $as_shown }
value-rounded-too-many-hint = round the value in the file to at most { $max } decimals, or write decimals = { $shown } at the top of the file to round to what is shown
value-rounded-hint = write decimals = { $needed } at the top of the file to show every digit, or decimals = { $shown } to round on purpose
values-shown-alike = { $a } and { $b } are both shown as { $shown }
values-shown-alike-hint = show more decimals (decimals = …), or round the values in the file

## Assessments

assessments-after-report-year = these assessments are for { $year }, after the report year { $report_year }
assessments-after-report-year-hint = the site shows the assessments of report_year in site.toml; set it to { $year } when that report is published
goal-unassessed = the goal `{ $goal }` has no assessment for { $year }, the report year
goal-unassessed-hint = add [{ $goal }] with its status to { $file }; until then the page says it has no assessment yet
no-such-goal = there is no goal `{ $goal }` in { $file }
did-you-mean-table = did you mean [{ $suggestion }]?
programme-no-goals = the programme has no goals; add them as [[goal]] in programme.toml
tables-are-goals = each table is named by a goal's id: { $list }
unknown-status = `{ $status }` is not one of the assessments the site uses ({ $list })
status-lowercase = write the assessment in lowercase, as in site.toml: `{ $status }`
old-assessments = assessments are no longer written under a goal in programme.toml
old-assessments-hint = each year's assessments have a file of their own, with one table per goal named by its id, so that an assessment can never land on the wrong goal. Move this to:{ $moved }

## Markdown pages

front-matter-unused-home = `{ $key }` is not used on the home page
home-slug-hint = the home page is always at the language's root address; delete this line
home-order-hint = `order` places free pages in the footer, and the home page is not one; delete this line
delete-this-line = delete this line
front-matter-unused-narrative = `{ $key }` is not used in a programme's text
front-matter-unused-narrative-hint = the programme's { $key } is `{ $key }` in { $file }: set it there and delete this line
translation-missing = the translation in `{ $lang }` is missing
translation-missing-hint = create { $file } (translate { $from })
page-no-title = the page has no title
page-no-title-hint = add front matter at the top:
    +++
    title = "…"
    +++
path-part-not-address = `{ $part }` in the file's path cannot be used in an address
path-part-not-address-hint = rename it to `{ $part }` (lowercase a–z, digits and -)
link-no-text = the link has no text, so screen readers cannot say where it leads
link-no-text-hint = write the link text between the brackets: [text](address)
image-no-alt = the image has no alternative text
image-no-alt-hint = describe the image between the brackets: ![what it shows](file)
indented-code = the line starts with an indent (a tab or four spaces), so it is shown as code in a grey box, not as ordinary text
indented-code-hint = delete the indent at the start of the line; if it is meant as code, write ``` on the line before and on the line after
raw-html = raw HTML in Markdown is published as it is, unchecked
raw-html-forbidden-hint = this site forbids HTML in Markdown (site.toml, [check] raw_html): write it in Markdown
raw-html-hint = write it in Markdown if you can; the site cannot check HTML for accessibility
heading-attributes = the heading's classes and attributes are not published
heading-attributes-hint = goalsite keeps only the heading's { "{" }#id{ "}" }; remove the rest
footnote-unused = the footnote [^{ $label }] is never referred to, so it is not published
footnote-unused-hint = refer to it in the text with [^{ $label }], or delete it
chart-placed-twice = this chart is already placed on line { $line }, and a chart is shown only once
chart-placed-twice-hint = delete this line or the one on line { $line }, so that the chart stands where you want it
chart-address = the chart `{ $written }` is not found: a chart is placed with an address starting with @/ (from the content/ folder)
chart-address-hint = write ![]({ $address }) and leave the brackets empty: the chart's text comes from its indicator
chart-not-alone = a chart must stand alone in its paragraph
chart-not-alone-hint = put an empty line before and after ![](@/…/indicators/….toml)
heading-level-one = a # heading: the page title is already the page's top heading
heading-level-one-hint = start the text's headings at ##
heading-jump = the heading jumps from level { $from } to level { $to }
heading-jump-hint = use { $hashes } here, so screen reader users do not miss a level
heading-id-not-anchor = the heading id `{ $id }` cannot be used as an anchor
heading-id-not-anchor-hint = use lowercase a–z, digits and -, e.g. { "{" }#{ $id }{ "}" }

## Links

link-parent-folder = the link @/{ $target } leads nowhere: links may not use .. : write the path from the content folder
link-no-file = the link @/{ $target } leads nowhere: no content file { $file }
link-no-goal = the link @/{ $target } leads nowhere: no goal `{ $goal }` in { $file }
link-goals-are = the goals in { $file } are: { $list }
link-to-one-language = the link @/{ $target } goes to the text in one of the languages: a link goes to the page, which readers get in their language
did-you-mean-link = did you mean @/{ $suggestion }?
link-path-hint = write the path of a content file from content/, like @/programme-folder/_index.md or @/page.md
link-runs-code = a link that runs code ({ $scheme }:) is not allowed
link-runs-code-hint = link to a page with @/… or to an address starting with https://
link-scheme-not-allowed = links to `{ $scheme }:` addresses are not allowed
link-scheme-not-allowed-hint = link to an address starting with https://, http://, mailto: or tel:, or to a page with @/…
link-empty = the link has no address
link-empty-hint = write the address in the brackets, like [text](@/path/from/content.md) or [text](https://www.example.org/)
link-to-source-file = the link `{ $link }` goes to a text file, and the text files are not published: link to the page with @/
link-to-source-file-hint = write @/ and the file's path under content/, like @/{ $suggestion }
link-not-adjusted = the link `{ $link }` is not adjusted to the site's address
link-not-adjusted-hint = link to a page of the site as @/path/from/content.md, or to a full https:// address
address-twice = two pages have the same address { $path }
address-twice-hint = the other is { $other }; give one of them another slug
anchor-missing = the anchor #{ $anchor } does not exist on the page the link leads to
anchor-untranslated-hint = the page has no text in `{ $lang }` yet, so it has other anchors; the link works once it is translated
did-you-mean-anchor = did you mean #{ $suggestion }?
anchor-hint = an anchor is a heading's text in lowercase, with - for spaces

## Building

template-error-at = line { $line }: template error: { $detail }
chart-not-drawn = the chart could not be drawn: { $detail }
download-chart-not-drawn = the chart could not be drawn for download: { $detail }
workbook-not-written = the Excel file could not be written: { $detail }
file-not-written = could not be written: { $detail }
ui-strings-missing = the UI strings for `{ $lang }` lack { $count ->
        [one] 1 string
       *[other] { $count } strings
    } goalsite needs
ui-strings-missing-hint = add these under [strings], translated from English (or run `goalsite i18n { $lang }`, which adds them for you):
    { $lines }
ui-placeholder-unknown = `{ "{" }{ $name }{ "}" }` in { $key } is not a placeholder goalsite fills in, so it would be published as it is
ui-placeholder-hint = the placeholders of { $key } are: { $list }
ui-placeholder-none-hint = this string has no placeholders: write it without { "{" } { "}" }
ui-units-missing = the UI strings for `{ $lang }` have no [units]
ui-units-missing-hint = add [units] with the words that mean per cent, like:
    {"["}units]
    percent = {"["}"prosenttia", "prosenttiyksikköä"]
search-failed = the search index could not be built: { $detail }
nothing-written = nothing was written
output-not-swapped = could not write the site: { $detail }
output-refused = refusing to write the site into { $folder }: { $why ->
        [file] it is a file, not a folder; choose a folder for the site
        [sources] that folder holds the site's own files and would be replaced
       *[foreign] the folder has files that goalsite did not write, and a build replaces the whole folder; choose an empty or new folder
    }
output-under-file = refusing to write the site into { $folder }: { $file } is a file, so no folder can be made inside it

## goalsite init

init-not-empty = { $folder } is not empty: goalsite init writes a new site into a new or empty folder only
init-not-written = could not write the site: { $detail }
init-no-languages = --languages needs at least one language code, like sv,en
init-language-code = `{ $code }` is not a language code: write codes like sv, en, fi, se
init-wrote = Wrote a new site ({ $files } files) into { $folder }.
init-untranslated = The `{ $lang }` texts are in English: translate them in content/ and in themes/default/i18n/{ $lang }.toml.
init-next = Next: goalsite serve --root { $folder }   (preview; edit site.toml and content/ and watch it change)
    {"      "}goalsite check --root { $folder }   (lists every problem)
    {"      "}goalsite build --root { $folder }   (writes the site into { $folder }/public)

## goalsite build and check

progress-pages = { $done } / { $total } pages
progress-indexing = Indexing { $pages } pages for search
nothing-written-fix = Nothing was written: fix the errors above and build again.
left-out-of-open-data = Left out of the open data (example data, not official figures): { $list }
left-out-of-open-data-more = Left out of the open data (example data, not official figures): { $list } and { $more } more
catalogue-written = Wrote the data catalogue for dataportal.se: catalog.rdf
catalogue-nothing = Wrote no data catalogue: no indicator has official figures yet (example data is not open data)
built = Built { $pages } pages and { $charts } charts ({ $files } files) into { $folder } in { $ms } ms
check-clean = Checked site.toml and { $files } content files: no problems.
strings-file-head = UI strings for the language `{ $lang }`, for goalsite's built-in theme and any template
    of the site's own. Translate the texts between the quotes, never the names before =.
    Lines marked "English: translate" still hold the English text: translate
    them and delete the mark. [number], [typography] and [units] say how the
    language writes numbers, quotation marks and per cent.

## goalsite i18n

strings-written = Wrote { $file }: { $strings } UI strings, { $english ->
        [0] all translated
        [one] 1 still in English to translate
       *[other] { $english } still in English to translate
    }.
status-not-filled-in = the assessment of `{ $goal }` for { $year } is not filled in yet
status-not-filled-in-hint = write the status between the quotes: one of { $list }

## Editions

goal-not-in-edition = the goal `{ $goal }` was not in the { $year } edition, so it can have no assessment for { $year }
goal-not-in-edition-hint = a new goal's first assessment is for the year it was added: move this to that year's file
published-status-changed = the { $edition } edition published `{ $status }` as the { $year } assessment of `{ $goal }`; a published assessment changes only with a correction
published-motivation-changed = the motivation of `{ $goal }` for { $year } differs from what the { $edition } edition published; a published assessment changes only with a correction
published-added = the { $edition } edition published no { $year } assessment of `{ $goal }`; adding one to a published year is a correction
published-hint = undo the change, or add correction = { $example } saying what was corrected and why: both editions then show it
published-removed = the { $edition } edition published a { $year } assessment of `{ $goal }`, which is gone from this file
published-removed-hint = put [{ $goal }] back as it was: a published assessment is never taken away, only corrected
edition-year-mismatch = the manifest is for { $year }, but it is in the folder { $folder }
edition-file-changed = the file was changed after the { $year } edition was published
edition-file-removed = the file was removed after the { $year } edition was published
edition-file-added = the file was added after the { $year } edition was published
edition-file-changed-hint = a published edition stays as it was: undo the change, or, to correct it, describe the correction in { $corrections } and run `goalsite correct { $year }`
edition-missing = the { $year } edition is missing: site.toml lists it, but the folder { $folder } is gone
edition-missing-hint = a published edition stays online: put the folder back as it was, from the version history (git) or a backup
edition-not-listed = the { $year } edition in { $folder } is not listed in site.toml
edition-not-listed-hint = list every earlier edition, so that a removed one is noticed: write `{ $list }` in site.toml, on a line of its own below report_year
edition-list-incomplete-hint = list every earlier edition, so that a removed one is noticed: change the line `editions = …` in site.toml to `{ $list }`
edition-listed-not-earlier = site.toml lists { $year } as an earlier edition, but the report year is { $current }
edition-listed-not-earlier-hint = the list names the years before the report year that were published; goalsite new-year writes it
edition-exists = the { $year } edition is already archived in { $folder }
edition-not-written = could not archive the edition: { $detail }
manifest-head = What the { $year } edition published, written by goalsite: do not edit.
    A correction is described in corrections.toml and recorded with `goalsite correct { $year }`.
published-not-updated = [open_data] published ({ $day }) is not after the day the { $edition } edition was published ({ $edition_day })
published-not-updated-hint = write the day the follow-up for { $year } is published; the edition is kept with that day next year
text-unchanged = the text is as the { $edition } edition published it, though this is the report for { $year }
text-unchanged-hint = update the text for { $year }; if it is still true as it is, write still_valid = { $year } in its front matter (between the +++ lines)
translation-not-updated = the text is as the { $edition } edition published it, but its translation { $other } has been rewritten since
toml-text-unchanged = `{ $key }` is as the { $edition } edition published it, though this is the report for { $year }
toml-text-unchanged-hint = update it for { $year }; if the file's texts are still true as they are, write still_valid = { $year } at the top of the file

## goalsite new-year and correct

new-year-not-later = { $year } is not later than the report year { $current }: new-year starts a later year's report
new-year-not-written = could not start the new year: { $detail }
new-year-file-head = The assessments for { $year }: write each goal's status between the quotes ({ $list }),
    and its motivation in every language (take away the # before motivation).
    Each goal's assessment from last year is in the comments above it, for reference.
new-year-last-year = { $year }: { $status }
no-such-edition = the site has no archived edition for { $year }
correction-missing = the file was changed, but no correction in corrections.toml names it
correction-missing-hint = add a correction to { $corrections }, saying when and what was corrected, like:
    {"["}[correction]]
    file = "{ $file }"
    date = { $date }
    note = { $note }
new-year-editions-comment = The earlier editions, each kept in editions/<year>/ (goalsite new-year adds each year).
    Remove none: what was published stays online.
new-year-done = Archived the { $year } edition in { $folder } and started the report for { $next }.
new-year-assessments = Fill in the assessments for { $next } in:
new-year-update = These still describe { $year }: update them, or mark them still valid (check lists them until you do):
correct-done = Recorded { $files ->
        [one] 1 corrected file
       *[other] { $files } corrected files
    } of the { $year } edition.

## goalsite serve

serve-first-build = first build
serve-changed = { $more ->
        [0] { $file } changed
       *[other] { $file } and { $more } more changed
    }
serve-rebuilt = Rebuilt { $pages } pages in { $ms } ms ({ $why })
serve-search-parts = Search index in place after { $ms } ms ({ $made } of its { $parts } parts made)
serve-failed = Build failed ({ $why }): { $served ->
        [last-good] still serving the last good build, problems shown in the browser
       *[nothing] nothing could be built yet, problems shown in the browser
    }
serve-stopped = Stopped.
serve-serving = Serving { $url } (Ctrl-C to stop)
serve-no-browser = Could not open a browser ({ $detail }); open { $url } yourself.
serve-not-watched = Could not watch a new folder: { $detail }
serve-visible = serving on { $address }: other computers on the network can open the preview, with texts that are not published yet. Use --bind 127.0.0.1 to keep it on this computer.
serve-bind-with-port = cannot serve on { $bind }: give the address without the port, and the port with --port: --bind { $ip } --port { $port }
serve-bind-unknown = cannot serve on "{ $bind }": it is not an IP address, and no computer of that name can be found; use --bind 127.0.0.1 (this computer only) or --bind 0.0.0.0 (every computer on the network)
serve-other-port = Port { $taken } is in use; using { $port } instead.
serve-ports-in-use = cannot serve on { $at }: the ports { $first } to { $last } are all in use; choose a free one with --port N
serve-port-in-use = cannot serve on { $at }: the port is in use (by another program, or another goalsite serve); try --port { $next }
serve-not-this-computer = cannot serve on { $at }: { $ip } is not an address of this computer; use --bind 127.0.0.1 (this computer only) or --bind 0.0.0.0 (every computer on the network)
serve-port-not-allowed = cannot serve on { $at }: not allowed to use this port ({ $detail }); ports below 1024 need administrator rights, try --port { $port }
serve-cannot = cannot serve on { $at }: { $detail }
overlay-title = The site has errors
overlay-text = Fix the problems below and save: the page reloads by itself. Behind this box is the last version that built, if there is one. Residents never see this box.
serve-editor-at = Edit in the browser: { $url }
serve-editor-local-only = The browser editor (/admin/) is offered only on this computer: run goalsite serve without --bind to edit in the browser.
serve-api-not-local = only this computer can save through the preview
serve-api-origin = only the editor on this preview (/admin/) can save: the request came from another page
serve-api-json = the request is not JSON, as the editor sends it
serve-api-token = the editor's key is missing or out of date: reload /admin/ (goalsite serve was started again)
serve-api-too-large = the request is larger than { $max } MB
serve-api-path = `{ $path }` cannot be saved from the browser: only .md and .toml files in content/ can (never editions/)
serve-api-no-media = pictures and other files are not uploaded from the browser; put them in the site's folder
serve-api-no-delete = files are not deleted from the browser; delete the file in the site's folder if it should go
serve-api-unknown-action = the editor asked for "{ $action }", which goalsite serve does not do
serve-api-write-failed = could not save { $path }: { $detail }
serve-api-not-saved = Not saved: the change would give the site { $count ->
        [one] an error
       *[other] { $count } errors
    } to fix first:
    { $problems }
serve-api-saved = Saved from the browser: { $file }

## The browser editor (/admin/, Decap CMS)

cms-admin-title = Edit the follow-up
cms-admin-noscript = The editor needs JavaScript: turn it on in the browser, or edit the files in the site's folder.
cms-admin-failed = The editor could not start: its settings could not be read. Reload the page; if it stays so, tell whoever runs the site.
cms-not-connected-title = Editing in the browser is not connected yet
cms-not-connected = The browser editor is switched on for this site ([cms] in site.toml), but not yet the git server it saves to. The web team fills in backend, repo and the login under [cms] (docs/deploy.md, section 12).
cms-not-connected-local = Until then, edit on your own computer: goalsite serve has the editor at /admin/ (the editor's guide, chapter 18).
cms-back-to-site = To the site
cms-built = Wrote the browser editor in admin/ (noindex; give /admin/ its own Content-Security-Policy, docs/deploy.md section 12).
cms-built-not-connected = Wrote admin/: a page saying the browser editor is not connected yet (fill in backend, repo and the login under [cms] to publish the editor).
cms-texts = Texts
cms-texts-about = The home page, each programme's text and the other pages, one file per language. The text is Markdown, as in the editor's guide.
cms-home = Home page
cms-text-file = { $page } – { $language }
cms-body = Text
cms-body-hint = Markdown: ## before a heading, *italic*, **bold**, [a link](@/tillvaxt/_index.md) to another page. { "{" }report_year{ "}" } is replaced by the report year.
cms-assessments = Assessments
cms-assessments-about = Each programme's assessment of every goal, one file per year. Saving an earlier year that is already published needs a correction.
cms-assessments-file = { $programme } { $year }{ $new ->
        [yes] { " " }(new file)
       *[no] {""}
    }
cms-indicators = Indicators
cms-indicators-about = Each indicator's figures and texts: years and values, what kind of figure each value is, the source.
cms-indicator-file = { $programme }: { $indicator }
cms-programmes = Programmes
cms-programmes-about = Each programme's title, summary and goals (programme.toml).
cms-branch = `{ $branch }` is not a branch name
cms-no-backend = `{ $key }` does nothing without `backend`: write backend = "gitlab" or backend = "github" under [cms]
cms-needs-repo = the browser editor needs `repo`: the repository the site's files are in
cms-needs-repo-hint = write repo = "group/project" under [cms], as the address of the project on the git server has it
cms-gitlab-needs-app-id = logging in with GitLab needs `app_id`: the Application ID of the site's OAuth application
cms-gitlab-needs-app-id-hint = in GitLab, add an application (Settings → Applications) with the redirect URI of the site's /admin/, the scope api and "Confidential" off; docs/deploy.md, section 12, shows how
cms-github-needs-proxy = logging in with GitHub needs `base_url`: the address of an OAuth proxy (GitHub has no login a static site can use on its own)
cms-github-needs-proxy-hint = docs/deploy.md, section 12, says what the proxy does and how to run one
cms-not-https = `{ $key }` must be an address starting with https://, not "{ $value }"

## The command line

cli-about = Builds a multilingual static website from a goal follow-up written in Markdown and TOML
cli-after-help = Start a new site with `goalsite init DIR`, preview it with `goalsite serve --root DIR`. `goalsite COMMAND --help` tells more about each command.
cli-usage = Usage:
cli-commands = Commands
cli-arguments = Arguments
cli-options = Options
cli-help = Print this help
cli-version = Print goalsite's version
cli-init-about = Start a new site: a small, working example to change into your own
cli-init-examples = Examples:
      goalsite init norrvik                                   Swedish and English
      goalsite init norrvik --name "Norrviks kommun"
      goalsite init norrvik --languages sv,en,fi              three languages: the Finnish texts and UI strings start in English
cli-build-about = Build the site into a folder that any static web server can serve
cli-build-examples = Examples:
      goalsite build                              build ./site.toml's site into ./public
      goalsite build --root sites/umea            build another site
      goalsite build --base-url http://localhost:8000/ --output /tmp/preview
cli-check-about = Check every file of the site and list every problem, without writing anything
cli-check-examples = Examples:
      goalsite check                              check ./site.toml's site
      goalsite check --deny-warnings              fail on warnings too (for CI)
      goalsite check --format json                one JSON object per problem (for CI and editors)
cli-new-year-about = Start next year's report: keep this year's edition online as it is, and prepare the next
cli-new-year-examples = Examples:
      goalsite new-year 2025                      keep the 2024 edition in editions/2024/ and start 2025
      goalsite new-year 2025 --published 2025-04-15
cli-correct-about = Record corrections of an earlier edition, described in its corrections.toml
cli-correct-examples = Example:
      goalsite correct 2024                       after changing files in editions/2024/ and describing why in editions/2024/corrections.toml
cli-i18n-about = Write the interface texts of a language to translate, keeping those the site already has
cli-i18n-examples = Example:
      goalsite i18n fi                            themes/<theme>/i18n/fi.toml: every text, the missing ones in English
cli-serve-about = Preview the site while you edit: rebuilds on every save and reloads the browser
cli-serve-examples = Examples:
      goalsite serve                              preview on http://127.0.0.1:1111/
      goalsite serve --port 8080 --open           another port, and open the browser
      goalsite serve --bind 0.0.0.0               let other devices on the network see it
cli-arg-lang = The language of goalsite's messages: sv or en (default: GOALSITE_LANG, else the site's first language, else the computer's)
cli-arg-root = The folder that holds site.toml
cli-arg-dir = The folder to create, new or empty
cli-arg-languages = The site's languages, the default first
cli-arg-name = The organisation's name, for the footer and the title
cli-arg-output = Where to write the site (default: public/ in the site's folder); what was there is replaced
cli-arg-base-url = The public address of the site, instead of base_url in site.toml
cli-arg-quiet = Print nothing but errors and warnings
cli-arg-deny-warnings = Exit with 1 on warnings too, not only on errors
cli-arg-format = How to print the problems: text (for people) or json (one JSON object per problem, the same in every language)
cli-arg-published = The day the current edition was published (default: published under [open_data], else today)
cli-arg-code = The language code, like fi or se
cli-arg-port = The port (default: 1111, or the next free one)
cli-arg-bind = The address to listen on; only this computer can see 127.0.0.1
cli-arg-open = Open the site in the web browser
cli-new-year-year = The year of the new report
cli-correct-year = The year of the edition
cli-value-folder = DIR
cli-value-year = YEAR
cli-value-date = DATE
cli-value-lang = LANG
cli-value-address = ADDRESS
cli-value-port = PORT
cli-value-name = NAME
cli-value-other = VALUE
cli-default = (default: { $value })
cli-options-word = OPTIONS
cli-command-word = COMMAND
cli-no-command = say what goalsite should do: goalsite build, check, serve, init, new-year, correct or i18n (goalsite --help tells more)
cli-unknown-option = { $command } has no option { $option }
cli-unknown-argument = `{ $value }` is not something { $command } takes
cli-unknown-command = goalsite has no command `{ $command }`
cli-did-you-mean = did you mean { $suggestion }?
cli-see-help = `{ $command } --help` lists what it takes
cli-commands-are = the commands are: { $list }
cli-bad-value = `{ $value }` is not a value { $option } takes
cli-values-are = write one of: { $list }
cli-bad-value-of = { $kind ->
        [year] `{ $value }` is not a year: write it with four digits, e.g. 2025
        [date] `{ $value }` is not a date: write it as year-month-day, e.g. 2025-04-15
        [port] `{ $value }` is not a port: write a number from 1 to 65535
       *[other] `{ $value }` does not fit { $option }
    }
cli-missing = { $command } needs { $what }
cli-other = the command line could not be read ({ $detail })
internal-error = goalsite stopped because of an internal error (not a problem in your files): { $detail }
internal-error-report = Please tell the site's developers, with the files you changed last.
