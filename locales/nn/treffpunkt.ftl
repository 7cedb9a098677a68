# Treffpunkt – nynorsk. Alle nøklar her må finnast i nb og en.

site-name = Treffpunkt
skip-to-content = Gå til hovudinnhaldet
search-label = Søk etter aktivitetar og møtestader
search-button = Søk
language-choose = Vel språk
language-nb = Bokmål
language-nn = Nynorsk
language-en = English
language-in-nb = bokmål
language-in-nn = nynorsk
language-in-en = engelsk
footer-about = Treffpunkt viser aktivitetar, møtestader, frivilligsentralar og kurs i kommunen.
footer-no-referral = Alt du finn her, er ope for alle, utan tilvising eller vedtak.

breadcrumb = Brødsmulesti
breadcrumb-home = Framsida

## Datoar og tider
weekday-1 = måndag
weekday-2 = tysdag
weekday-3 = onsdag
weekday-4 = torsdag
weekday-5 = fredag
weekday-6 = laurdag
weekday-7 = sundag
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

## Typar tilbod
kind-activity_group = Aktivitetsgruppe
kind-meeting_place = Møtestad
kind-volunteer_centre = Frivilligsentral
kind-course = Lærings- og meistringskurs
kinds-activity_group = Aktivitetsgrupper
kinds-meeting_place = Møtestader
kinds-volunteer_centre = Frivilligsentralar
kinds-course = Kurs
kind-hint-activity_group = Trening, turar, kor og hobby – faste grupper kvar veke
kind-hint-meeting_place = Kafear og treffstader der du kan stikke innom
kind-hint-volunteer_centre = Frivillige som driv aktivitetar og treng fleire hender
kind-hint-course = Kurs for deg som lever med ein sjukdom, og for pårørande

## Kven tilbodet er for
audience-everyone = Alle
audience-seniors = Seniorar
audience-dementia = Personar med demens
audience-next_of_kin = Pårørande
audience-long_term_illness = Personar med langvarig sjukdom

time-of-day-morning = Formiddag (før kl. 12)
time-of-day-afternoon = Ettermiddag (kl. 12–17)
time-of-day-evening = Kveld (etter kl. 17)

## Kort og merke
price-free = Gratis
price-amount = { $amount } kr
sign-up-required = Påmelding
sign-up-not-needed = Inga påmelding
access-step-free = Trinnfri inngang
access-hearing-loop = Teleslynge
access-toilet = Tilrettelagt toalett
access-parking = Parkering
access-checked = Sist kontrollert { $date }
card-next = Neste gong
card-next-open = Neste opningstid
card-where = Stad
answer-yes = ja
answer-no = nei

## Framsida
home-heading = Finn noko å gå til i nærleiken
home-description = Aktivitetar, møtestader, frivilligsentralar og kurs i bydelen din. Ope for alle, utan tilvising.
home-lead = Her finn du aktivitetar, møtestader og kurs i bydelen din. Det meste er gratis, og du treng inga tilvising.
home-choose-district = Vel bydel
home-choose-kind = Kva ser du etter?
home-this-week = Denne veka
home-this-week-empty = Det skjer ingenting dei neste sju dagane.
home-see-all = Sjå alle tilboda
offering-count = { $count ->
    [0] ingen tilbod
    [one] eitt tilbod
   *[other] { $count } tilbod
}

## Lister og filter
district-title = Tilbod i { $district }
district-description = Aktivitetar, møtestader og kurs i { $district }.
all-title = Alle tilbod
all-description = Alle aktivitetar, møtestader, frivilligsentralar og kurs i kommunen.
search-title = Søk: «{ $query }»
result-count = { $count ->
    [0] Ingen tilbod
    [one] Eitt tilbod
   *[other] { $count } tilbod
}
result-empty = Det er ingen tilbod her enno.
result-empty-filtered = Ingen tilbod passar med vala dine. Prøv å fjerne nokre av vala.
filter-heading = Vel kva du vil sjå
filter-search = Søkjeord
filter-district = Bydel
filter-all-districts = Alle bydelar
filter-kind = Type
filter-all-kinds = Alle typar
filter-category = Tema
filter-all-categories = Alle tema
filter-audience = For kven
filter-all-audiences = Alle
filter-day = Dag
filter-all-days = Alle dagar
filter-time = Tid på dagen
filter-all-times = Heile dagen
filter-only = Vis berre
filter-free = Gratis
filter-drop-in = Utan påmelding
filter-step-free = Trinnfri inngang
filter-submit = Vis tilbod
filter-reset = Nullstill

## Tilbodssida
content-fallback = Denne teksten finst ikkje på { $language } enno, så han blir vist på bokmål.
offering-when = Når
offering-opening-hours = Opningstider
offering-next-times = Dei neste gongene
offering-ended = Dette tilbodet er avslutta.
weekly-every = Kvar { $weekday } { $time }
weekly-until = til og med { $date }
weekly-skipped = Ikkje { $dates }
course-sessions = Kursdagar
course-capacity = { $count ->
    [one] Éin plass
   *[other] { $count } plassar
}
course-opens = Påmeldinga opnar { $date }.
course-closes = Påmeldingsfrist { $date }.
offering-where = Kvar
offering-map = Sjå staden på kart
offering-bus = Næraste haldeplass
offering-accessibility = Tilgjenge
offering-for-whom = For kven
offering-categories = Tema
offering-no-referral = Du treng inga tilvising.
offering-cost = Pris
offering-how-to-join = Slik blir du med
offering-join-drop-in = Du treng ikkje melde deg på. Berre kom!
offering-join-sign-up = Du må melde deg på. Ta kontakt med kontaktpersonen.
offering-add-to-calendar = Legg til i kalenderen
offering-print = Skriv ut
offering-runs = Dette driv vi
contact-organiser = Arrangør
contact-person = Kontaktperson
contact-phone = Telefon:
contact-email = E-post:
contact-website = Nettstad

## Feil
error-not-found-title = Fann ikkje sida
error-not-found = Vi fann ikkje det du leitte etter. Kanskje tilbodet er avslutta, eller lenkja er feil.
error-internal-title = Noko gjekk gale
error-internal = Noko gjekk gale hos oss. Prøv igjen om litt.
error-go-home = Gå til framsida
