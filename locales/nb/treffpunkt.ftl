# Treffpunkt – bokmål (standardspråket). Alle nøkler her må finnes i nn og en.

site-name = Treffpunkt
skip-to-content = Gå til hovedinnholdet
search-label = Søk etter aktiviteter og møteplasser
search-button = Søk
language-choose = Velg språk
language-nb = Bokmål
language-nn = Nynorsk
language-en = English
language-in-nb = bokmål
language-in-nn = nynorsk
language-in-en = engelsk
footer-about = Treffpunkt viser aktiviteter, møteplasser, frivilligsentraler og kurs i kommunen.
footer-no-referral = Alt du finner her er åpent for alle, uten henvisning eller vedtak.

breadcrumb = Brødsmulesti
breadcrumb-home = Forsiden

## Datoer og tider
weekday-1 = mandag
weekday-2 = tirsdag
weekday-3 = onsdag
weekday-4 = torsdag
weekday-5 = fredag
weekday-6 = lørdag
weekday-7 = søndag
month-1 = januar
month-2 = februar
month-3 = mars
month-4 = april
month-5 = mai
month-6 = juni
month-7 = juli
month-8 = august
month-9 = september
month-10 = oktober
month-11 = november
month-12 = desember
date-long = { $weekday } { $day }. { $month }
date-long-year = { $weekday } { $day }. { $month } { $year }
date-short = { $day }.{ $month }.{ $year }
time = { $hour }.{ $minute }
time-range = kl. { $start }–{ $end }
today = i dag

## Typer tilbud
kind-activity_group = Aktivitetsgruppe
kind-meeting_place = Møteplass
kind-volunteer_centre = Frivilligsentral
kind-course = Lærings- og mestringskurs
kinds-activity_group = Aktivitetsgrupper
kinds-meeting_place = Møteplasser
kinds-volunteer_centre = Frivilligsentraler
kinds-course = Kurs
kind-hint-activity_group = Trening, turer, kor og hobby – faste grupper hver uke
kind-hint-meeting_place = Kafeer og treffsteder der du kan stikke innom
kind-hint-volunteer_centre = Frivillige som driver aktiviteter og trenger flere hender
kind-hint-course = Kurs for deg som lever med en sykdom, og for pårørende

## Hvem tilbudet er for
audience-everyone = Alle
audience-seniors = Seniorer
audience-dementia = Personer med demens
audience-next_of_kin = Pårørende
audience-long_term_illness = Personer med langvarig sykdom

time-of-day-morning = Formiddag (før kl. 12)
time-of-day-afternoon = Ettermiddag (kl. 12–17)
time-of-day-evening = Kveld (etter kl. 17)

## Kort og merker
price-free = Gratis
price-amount = { $amount } kr
sign-up-required = Påmelding
sign-up-not-needed = Ingen påmelding
access-step-free = Trinnfri inngang
access-hearing-loop = Teleslynge
access-toilet = Tilrettelagt toalett
access-parking = Parkering
access-checked = Sist kontrollert { $date }
card-next = Neste gang
card-next-open = Neste åpningstid
card-where = Sted
answer-yes = ja
answer-no = nei

## Forsiden
home-heading = Finn noe å gå til i nærheten
home-description = Aktiviteter, møteplasser, frivilligsentraler og kurs i din bydel. Åpent for alle, uten henvisning.
home-lead = Her finner du aktiviteter, møteplasser og kurs i bydelen din. Det meste er gratis, og du trenger ingen henvisning.
home-choose-district = Velg bydel
home-choose-kind = Hva ser du etter?
home-this-week = Denne uka
home-this-week-empty = Det skjer ingenting de neste sju dagene.
home-see-all = Se alle tilbud
offering-count = { $count ->
    [0] ingen tilbud
    [one] ett tilbud
   *[other] { $count } tilbud
}

## Lister og filtre
district-title = Tilbud i { $district }
district-description = Aktiviteter, møteplasser og kurs i { $district }.
all-title = Alle tilbud
all-description = Alle aktiviteter, møteplasser, frivilligsentraler og kurs i kommunen.
search-title = Søk: «{ $query }»
result-count = { $count ->
    [0] Ingen tilbud
    [one] Ett tilbud
   *[other] { $count } tilbud
}
result-empty = Det er ingen tilbud her ennå.
result-empty-filtered = Ingen tilbud passer med valgene dine. Prøv å fjerne noen av valgene.
filter-heading = Velg hva du vil se
filter-search = Søkeord
filter-district = Bydel
filter-all-districts = Alle bydeler
filter-kind = Type
filter-all-kinds = Alle typer
filter-category = Tema
filter-all-categories = Alle temaer
filter-audience = For hvem
filter-all-audiences = Alle
filter-day = Dag
filter-all-days = Alle dager
filter-time = Tid på dagen
filter-all-times = Hele dagen
filter-only = Vis bare
filter-free = Gratis
filter-drop-in = Uten påmelding
filter-step-free = Trinnfri inngang
filter-submit = Vis tilbud
filter-reset = Nullstill

## Tilbudssiden
content-fallback = Denne teksten finnes ikke på { $language } ennå, så den vises på bokmål.
offering-when = Når
offering-opening-hours = Åpningstider
offering-next-times = De neste gangene
offering-ended = Dette tilbudet er avsluttet.
weekly-every = Hver { $weekday } { $time }
weekly-until = til og med { $date }
weekly-skipped = Ikke { $dates }
course-sessions = Kursdager
course-capacity = { $count ->
    [one] Én plass
   *[other] { $count } plasser
}
course-opens = Påmeldingen åpner { $date }.
course-closes = Påmeldingsfrist { $date }.
offering-where = Hvor
offering-map = Se stedet på kart
offering-bus = Nærmeste holdeplass
offering-accessibility = Tilgjengelighet
offering-for-whom = For hvem
offering-categories = Tema
offering-no-referral = Du trenger ingen henvisning.
offering-cost = Pris
offering-how-to-join = Slik blir du med
offering-join-drop-in = Du trenger ikke melde deg på. Bare kom!
offering-join-sign-up = Du må melde deg på. Ta kontakt med kontaktpersonen.
offering-add-to-calendar = Legg til i kalenderen
offering-print = Skriv ut
offering-runs = Dette driver vi
contact-organiser = Arrangør
contact-person = Kontaktperson
contact-phone = Telefon:
contact-email = E-post:
contact-website = Nettside

## Feil
error-not-found-title = Fant ikke siden
error-not-found = Vi fant ikke det du lette etter. Kanskje tilbudet er avsluttet, eller lenken er feil.
error-internal-title = Noe gikk galt
error-internal = Noe gikk galt hos oss. Prøv igjen om litt.
error-go-home = Gå til forsiden
