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
text-size-large = Større tekst
language-in-en = engelsk
footer-about = Treffpunkt viser aktiviteter, møteplasser, frivilligsentraler og kurs i kommunen.
footer-no-referral = Det aller meste du finner her er åpent for alle, uten henvisning eller vedtak. Tilbud som trenger henvisning fra lege, sier det.

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
search-did-you-mean = Mente du:
subscribe-heading = Følg med på listen
subscribe-hint = Få tilbudene på denne listen inn i kalenderen på telefonen eller datamaskinen. Kalenderen oppdaterer seg selv når noe endres eller avlyses.
subscribe-calendar = Abonner i kalenderen
subscribe-download = Last ned kalenderfil (.ics)
subscribe-changes = Nye og endrede tilbud (nyhetsstrøm)
calendar-feed-district = Treffpunkt: { $district }
calendar-feed-all = Treffpunkt: alle tilbud
changes-feed-title = Nytt og endret i { $district }
changes-feed-subtitle = Aktiviteter, møteplasser og kurs i { $district } som er nye eller endret.
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
filter-no-referral = Uten henvisning
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
offering-referral-recommended = Du trenger ingen henvisning, men vi anbefaler at du snakker med fastlegen din først.
offering-referral-required = Du må ha henvisning fra lege for å være med. Snakk med fastlegen din.
referral-not_needed = Uten henvisning
referral-recommended = Henvisning anbefales
referral-required = Krever henvisning
offering-cost = Pris
offering-how-to-join = Slik blir du med
offering-join-drop-in = Du trenger ikke melde deg på. Bare kom!
offering-join-sign-up = Du må melde deg på. Ta kontakt med kontaktpersonen.
offering-add-to-calendar = Legg til i kalenderen
offering-print = Skriv ut
offering-read-aloud = Les opp
offering-read-pause = Pause
offering-read-stop = Stopp
offering-read-reading = Leser opp …
offering-read-no-voice = Nettleseren har ingen norsk stemme, så teksten leses med en annen stemme og kan være vanskelig å forstå.
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

## Påmelding til kurs
course-places-left = { $count ->
    [0] Ingen ledige plasser
    [one] Én plass igjen
   *[other] { $count } plasser igjen
}
course-full-waiting-list = Fullt – du kan stå på venteliste
course-full = Fullt
course-not-open = Påmeldingen har ikke åpnet ennå.
course-closed = Påmeldingen er stengt.
course-sign-up-button = Meld deg på
course-waiting-list-button = Sett deg på venteliste
sign-up-title = Påmelding: { $course }
sign-up-intro = Fyll inn skjemaet. Du får en e-post med en lenke du må trykke på for å bekrefte påmeldingen.
sign-up-waiting-intro = Kurset er fullt. Meld deg på, så får du plass på ventelisten. Blir en plass ledig, får du beskjed på e-post.
sign-up-participant = Deltaker
sign-up-participant-name = Navn
sign-up-participant-email = E-post
sign-up-participant-email-hint = Påkrevd, med mindre du melder på en annen og oppgir din egen e-post nedenfor.
sign-up-participant-phone = Telefon (valgfritt)
sign-up-on-behalf = Jeg melder på en annen (for eksempel en forelder)
sign-up-registrant = Deg som melder på
sign-up-registrant-hint = Fyll inn bare hvis du melder på en annen. Du får alle e-postene om påmeldingen.
sign-up-registrant-name = Ditt navn
sign-up-registrant-email = Din e-post
sign-up-needs = Behov vi bør vite om (valgfritt)
sign-up-needs-hint = For eksempel rullestol, tolk eller allergi. Ikke skriv noe om helse eller diagnose.
sign-up-consent = Jeg samtykker til at opplysningene lagres for å håndtere påmeldingen, slik det står i personvernerklæringen.
sign-up-privacy-link = Les personvernerklæringen
sign-up-submit = Send påmelding
sign-up-errors-heading = Noe må rettes før du kan sende:
sign-up-website = Ikke fyll ut dette feltet
sign-up-sent-title = Sjekk e-posten din
sign-up-sent-body = Vi har sendt en e-post. Påmeldingen bekreftes med lenken i den, og plassene går til dem som bekrefter først. Finner du den ikke, se i søppelpost-mappen.
sign-up-sent-back = Tilbake til kurset
field-required = Dette feltet må fylles ut.
field-too-long = Teksten er for lang.
field-email-invalid = Skriv en gyldig e-postadresse, for eksempel navn@eksempel.no.
field-phone-invalid = Skriv et gyldig telefonnummer, for eksempel 912 34 567.
field-consent-required = Du må samtykke for at vi kan ta imot påmeldingen.
sign-up-not-open = Påmeldingen til dette kurset har ikke åpnet ennå.
sign-up-closed = Påmeldingen til dette kurset er stengt.
sign-up-full = Kurset er fullt, og det er ingen venteliste.
rate-limited = Det har kommet mange forsøk herfra på kort tid. Vent litt og prøv igjen.
error-bad-request = Forespørselen kunne ikke leses. Last inn siden på nytt og prøv igjen.
error-busy = Søket har mye å gjøre akkurat nå. Vent litt og prøv igjen.
sign-up-limit = Det er allerede sendt så mange påmeldinger til dette kurset herfra som vi tar imot. Skal flere være med, ring kontaktpersonen for kurset, så melder de dere på.
link-invalid = Lenken virker ikke. Sjekk at du har kopiert hele lenken fra e-posten.
link-expired = Lenken er utløpt.

## Bekreft og meld av
confirm-title = Bekreft påmeldingen
confirm-question = Trykk på knappen for å bekrefte påmeldingen til { $course }.
confirm-button = Bekreft påmeldingen
confirm-done = Påmeldingen til { $course } er bekreftet. Du får en e-post med kursdagene.
confirm-waiting = Du står på venteliste til { $course } som nummer { $position }. Du får e-post hvis du får plass.
cancel-title = Meld av
cancel-question = Vil du melde deg av { $course }? Plassen går da til den neste på ventelisten.
cancel-button = Ja, meld meg av
cancel-done = Du er meldt av { $course }.
link-status-expired = Denne påmeldingen er utløpt fordi den ikke ble bekreftet i tide.
link-status-full = Kurset ble fullt før påmeldingen ble bekreftet, og det er ikke plass på noen venteliste. Du er ikke påmeldt. Ring gjerne kontaktpersonen for kurset.

## Personvern
privacy-title = Personvern ved påmelding
privacy-what = Når du melder deg på et kurs, lagrer vi navn, e-post, telefon (hvis du oppgir det), hvem som meldte på, og behovene du skriver inn.
privacy-why = Vi bruker opplysningene bare til å håndtere påmeldingen: bekreftelse, venteliste, påminnelse og beskjed hvis noe endres.
privacy-delete = Opplysningene slettes { $days } dager etter siste kursdag. Du kan melde deg av når som helst med lenken i e-posten. Melder du deg av, eller blir påmeldingen ikke bekreftet, slettes opplysningene etter ett døgn.
privacy-health = Skriv aldri noe om helse eller diagnose i skjemaet. E-postene våre nevner bare kursets navn.

## E-post
email-greeting = Hei { $name },
clock = kl. { $time }
email-confirm_request-subject = { $course }: bekreft påmeldingen
email-confirm_request-body = Vi har fått en påmelding av { $participant } til { $course }. Trykk på lenken nedenfor for å bekrefte den. Plassene går til dem som bekrefter først; er kurset fullt da, kommer { $participant } på ventelisten hvis kurset har en. Lenken virker til { $until }.
email-waiting_list-subject = { $course }: du står på venteliste
email-waiting_list-body = Kurset er fullt. { $participant } står som nummer { $position } på ventelisten til { $course }. Blir en plass ledig, får dere e-post, og plassen er da deres.
email-confirmed-subject = { $course }: påmeldingen er bekreftet
email-confirmed-body = Påmeldingen av { $participant } til { $course } er bekreftet. Velkommen! Kursdagene står nedenfor, og kalenderfilen ligger ved.
email-promoted-subject = { $course }: du har fått plass
email-promoted-body = En plass er blitt ledig, og { $participant } har fått plass på { $course }.
email-cancelled-subject = { $course }: du er meldt av
email-cancelled-body = { $participant } er meldt av { $course }. Velkommen tilbake en annen gang.
email-already_signed_up-subject = { $course }: du er allerede påmeldt
email-already_signed_up-body = Noen prøvde å melde på { $participant } til { $course } en gang til. Den første påmeldingen gjelder fortsatt, og ingenting er endret.
email-reminder-subject = { $course }: snart kursstart
email-reminder-body = Dette er en påminnelse om at { $course } snart begynner. Vi gleder oss til å se { $participant }.
email-on-behalf = { $registrant } meldte på { $participant }.
email-confirm-link = Bekreft påmeldingen
email-cancel-link = Meld av
email-sessions = Kursdager:
email-place = Sted: { $place }
email-contact = Spørsmål? Kontakt { $contact }
email-privacy = Vi sletter opplysningene om påmeldingen etter at kurset er ferdig. Du fikk denne e-posten fordi adressen ble brukt i en påmelding på Treffpunkt.
error-cross-site = Skjemaet ble sendt fra en annen nettside, så vi tok ikke imot det. Gå til Treffpunkt og prøv igjen.
link-invalid-title = Lenken virker ikke
link-expired-title = Lenken er utløpt

field-text-invalid = Skriv teksten på én linje, uten spesialtegn.
field-name-invalid = Skriv bare navnet, uten nettadresse eller e-postadresse.
email-greeting-anonymous = Hei,
email-already-confirm-again = Har du ikke bekreftet påmeldingen ennå? Bruk den nye lenken nedenfor. Lenker i tidligere e-poster virker ikke lenger.
email-course_full-subject = { $course }: kurset er fullt
email-course_full-body = Takk for at dere bekreftet. Dessverre ble { $course } fullt før det, og det er ikke plass på noen venteliste. { $participant } er ikke påmeldt. Ta gjerne kontakt hvis dere har spørsmål.
email-sign_up_received-subject = { $course }: påmeldingen er sendt til deltakeren
email-sign_up_received-body = Du har meldt på en annen til { $course } med deltakerens egen e-postadresse. Deltakeren får en e-post der og bekrefter påmeldingen selv. Bekrefter deltakeren, får du også en e-post om hvordan det gikk.
sign-up-not-open-title = Påmeldingen har ikke åpnet
sign-up-closed-title = Påmeldingen er stengt
rate-limited-title = Vent litt
error-bad-request-title = Noe gikk galt med forespørselen
error-busy-title = Prøv igjen om litt
sign-up-limit-title = Ikke flere påmeldinger herfra
error-cross-site-title = Skjemaet ble ikke sendt
privacy-email = Vi lagrer ikke e-postene vi sender. Adressen en e-post gikk til, slettes { $minutes } minutter etter at den er sendt.
pagination = Flere sider
result-range = Viser { $from }–{ $to } av { $total }
page-previous = Forrige side
page-next = Neste side

## Ansattområdet
error-sign-in-required-title = Logg inn
error-sign-in-required = Du må logge inn for å se denne siden.
error-forbidden-title = Ikke tilgang
error-forbidden = Du har ikke tilgang til denne siden. Den hører til en annen organisasjon, eller krever en annen rolle.
sign-in-code-invalid-title = Koden virker ikke
sign-in-code-invalid = Koden eller lenken virker ikke. Den kan være skrevet feil, allerede brukt eller eldre enn 15 minutter. Be om en ny kode.
staff-email-invalid-title = Sjekk e-postadressen
staff-email-invalid = Skriv e-postadressen din, for eksempel navn@kommune.no.
email-sign_in_code-subject = Innloggingskode til Treffpunkt
email-sign_in_code-body = Koden din er { $code }. Skriv den inn på innloggingssiden, eller bruk lenken under. Koden og lenken virker i { $minutes } minutter og kan brukes én gang.
email-sign_in_code-link = Logg inn på Treffpunkt
email-sign_in_code-not-you = Ba du ikke om å logge inn, kan du se bort fra denne e-posten.
staff-role-admin = administrator
staff-role-editor = redaktør
staff-role-coordinator = koordinator
staff-signed-in-as = Logget inn som { $name } ({ $role })
staff-sign-out = Logg ut
staff-sign-out-everywhere = Logg ut på alle enheter
staff-sign-in-title = Logg inn for ansatte og frivillige
staff-sign-in-intro = Skriv e-postadressen din. Vi sender deg en kode og en lenke som logger deg inn.
staff-email-label = E-postadresse
staff-send-code = Send meg en kode
staff-code-sent = Hvis adressen har en konto hos oss, har vi sendt en e-post med en kode. Den kan ta et par minutter. Sjekk også søppelpost.
staff-code-label = Kode fra e-posten
staff-code-hint = Seks sifre.
staff-code-again = Be om en ny kode
staff-sign-in-button = Logg inn
staff-link-intro = Trykk på knappen for å logge inn.
staff-shared-computer = Dette er en delt datamaskin
staff-shared-computer-hint = Da blir du logget ut når nettleseren lukkes, eller etter 30 minutter uten bruk.
staff-form-problem = Noe må rettes
staff-title = Tilbudene dine
staff-offering-count = { $count ->
    [one] Ett tilbud
   *[other] { $count } tilbud
}
staff-offerings-caption = Tilbud du kan redigere
staff-col-title = Tittel
staff-col-kind = Type
staff-col-status = Status
staff-col-organisation = Arrangør
staff-col-district = Bydel
staff-col-actions = Handlinger
staff-col-position = Nr.
staff-participants = Deltakere
staff-offering-status-draft = Utkast
staff-offering-status-submitted = Sendt til godkjenning
staff-offering-status-published = Publisert
staff-offering-status-archived = Arkivert
staff-course-title = Deltakere: { $course }
staff-course-places = { $taken } av { $places } plasser er tatt.
staff-export-csv = Last ned deltakerlisten (CSV)
staff-list-confirmed = Bekreftet
staff-list-awaiting = Venter på bekreftelse
staff-list-waiting = Venteliste
staff-list-empty = Ingen.
staff-csv-list = Liste
staff-csv-name = Navn
staff-csv-email = E-post
staff-csv-phone = Telefon
staff-csv-registrant = Meldt på av
staff-csv-needs = Behov
staff-csv-email-confirmed = E-post bekreftet
staff-csv-signed-up-at = Meldt på
staff-yes = Ja
staff-no = Nei
staff-status-awaiting_confirmation = Venter på bekreftelse
staff-status-confirmed = Bekreftet
staff-status-waiting_list = Venteliste
staff-status-cancelled = Avmeldt
staff-status-expired = Utløpt
staff-status-full = Fullt da e-posten ble bekreftet
staff-views = Visning
staff-view-all = Alle tilbud
staff-view-submitted = Til godkjenning ({ $count })
staff-review-comment = Kommentar fra redaktør
staff-approve = Godkjenn og publiser
staff-publish = Publiser
staff-submit = Send til godkjenning
staff-return = Send tilbake
staff-withdraw = Trekk tilbake
staff-restore = Hent fram igjen
staff-unpublish = Avpubliser
staff-archive = Arkiver
staff-course-full-title = Kurset er fullt
staff-course-full = Kurset er fullt og har ingen venteliste. Øk antall plasser eller slå på venteliste først.
staff-phone-name-missing = Skriv navnet til deltakeren.
staff-phone-name-invalid = Navnet kan ha høyst 100 tegn, på én linje.
staff-phone-invalid = Skriv et telefonnummer med 8 til 15 sifre, for eksempel 912 34 567.
staff-phone-note-too-long = Behovene kan ha høyst 500 tegn.
staff-cancel-for = Meld av { $name }
staff-give-place = Gi { $name } plass
staff-print-list = Skriv ut deltakerlisten
staff-phone-title = Legg til en som ringte
staff-phone-intro = For deltakere uten e-post. De får plass hvis det er ledig, ellers settes de på ventelisten. Ingen e-post blir sendt.
staff-phone-add = Legg til deltaker
staff-search-label = Finn tilbud etter tittel
staff-edit = Rediger
staff-copy = Kopier
staff-edit-offering-title = Rediger «{ $title }»
staff-copy-offering-title = Kopi av «{ $title }»
staff-form-saved = Lagret. Endringen vises på nettsiden med en gang tilbudet er publisert.
staff-form-public-page = Se den offentlige siden
staff-form-about = Om tilbudet
staff-form-title = Tittel
staff-form-summary = Kort beskrivelse
staff-form-summary-hint = Én eller to setninger som vises i lister.
staff-form-description = Beskrivelse
staff-form-description-hint = Skriv vanlig tekst. Tom linje gir nytt avsnitt. Dette går også: **fet skrift**, *kursiv*, en liste med «- » først på hver linje, og lenker som [tekst](https://adresse).
staff-form-cost-note = Om prisen (valgfritt)
staff-form-organisation = Arrangør
staff-form-where = Hvor
staff-form-district = Bydel
staff-form-venue = Sted
staff-form-venue-none = Uten fast sted
staff-form-venue-new = Nytt sted
staff-form-venue-name-label = Navn på stedet
staff-form-venue-address = Adresse
staff-form-venue-postcode = Postnummer
staff-form-venue-city = Poststed
staff-form-parking = Parkering
staff-form-checked-on = Tilgjengeligheten ble sjekket
staff-form-when = Når
staff-form-weekly = Faste tider
staff-form-weekly-hint = Én tid per linje, for eksempel «tirsdag 10.00–11.30».
staff-form-opening = Åpningstider
staff-form-opening-hint = Én dag per linje, for eksempel «mandag 09.00–15.00».
staff-form-valid-from = Gjelder fra
staff-form-valid-to = Gjelder til (valgfritt)
staff-form-date-hint = For eksempel 24.12.2026 eller 24. desember 2026.
staff-form-skip = Datoer uten møte
staff-form-skip-hint = For eksempel helligdager: 24.12.2026, 31.12.2026.
staff-form-sessions = Kursdager
staff-form-sessions-hint = Én kursdag per linje, for eksempel «12.01.2027 10.00–12.30».
staff-form-capacity-label = Antall plasser
staff-form-opens = Påmeldingen åpner (valgfritt)
staff-form-closes = Påmeldingen stenger (valgfritt)
staff-form-waiting-list = Venteliste når kurset er fullt
staff-form-who = Hvem er det for
staff-form-categories = Tema
staff-form-price-and-contact = Pris og kontakt
staff-form-price-label = Pris i kroner
staff-form-price-hint = La feltet stå tomt hvis det er gratis.
staff-form-sign-up-required = Deltakerne må melde seg på
staff-form-referral = Trengs henvisning fra lege?
staff-form-contact-name-label = Kontaktperson
staff-form-contact-email-label = E-post til kontaktpersonen
staff-form-contact-phone = Telefon til kontaktpersonen (valgfritt)
staff-form-translations = Oversettelser (valgfritt)
staff-form-texts-nn = Nynorsk
staff-form-texts-en = Engelsk
staff-form-save = Lagre
staff-form-kind-missing = Velg hva slags tilbud det er.
staff-form-district-missing = Velg bydel.
staff-form-organisation-missing = Velg arrangør.
staff-form-title-missing = Skriv en tittel.
staff-form-title-long = Tittelen kan ha høyst 120 tegn.
staff-form-summary-long = Den korte beskrivelsen kan ha høyst 300 tegn.
staff-form-description-long = Beskrivelsen kan ha høyst 5000 tegn.
staff-form-translation-title = En oversettelse trenger en tittel.
staff-form-price = Skriv prisen som et helt antall kroner, for eksempel 50, eller la feltet stå tomt.
staff-form-contact-name = Skriv navnet til kontaktpersonen.
staff-form-contact-email = Skriv en e-postadresse til kontaktpersonen, for eksempel navn@kommune.no.
staff-form-venue-name = Skriv navnet på det nye stedet.
staff-form-date = Vi forstår ikke datoen «{ $typed }». Skriv for eksempel 24.12.2026.
staff-form-session-line = Vi forstår ikke kursdagen «{ $typed }». Skriv for eksempel 12.01.2027 10.00–12.30.
staff-form-sessions-missing = Skriv minst én kursdag.
staff-form-capacity = Skriv antall plasser, fra 1 til 1000.
staff-form-weekly-line = Vi forstår ikke tiden «{ $typed }». Skriv for eksempel tirsdag 10.00–11.30.
staff-form-period = «Gjelder til» må være etter «Gjelder fra».
staff-new-activity_group = Ny aktivitetsgruppe
staff-new-meeting_place = Ny møteplass
staff-new-volunteer_centre = Ny frivilligsentral
staff-new-course = Nytt kurs
offering-cancelled = Avlyst
staff-not-a-meeting-title = Ikke en av datoene
staff-not-a-meeting = Velg en av de kommende datoene tilbudet har.
email-date_cancelled-subject = { $course }: en kursdag er avlyst
email-date_cancelled-body = En kursdag på { $course } er avlyst. De andre kursdagene går som planlagt. Avlyst:
staff-cancel-link = Avlys en dato
staff-cancel-title = Avlys en dato: { $title }
staff-cancel-which = Hvilken dato avlyses?
staff-cancel-reason = Hvorfor (vises på nettsiden og i e-posten)
staff-cancel-reason-hint = For eksempel «Kursleder er syk». Én linje.
staff-cancel-emailed = { $count ->
    [one] Den som er påmeldt, får e-post om det.
   *[other] De { $count } som er påmeldt, får e-post om det.
}
staff-cancel-button = Avlys datoen
staff-cancel-done = Datoen er avlyst. Nettsiden og kalenderfilen viser det innen et par sekunder.
staff-cancel-already = Allerede avlyst
staff-outbox-title = Utboks
staff-outbox-retry = Prøv igjen
staff-outbox-summary = { $queued } venter, { $failed } feilet.
staff-outbox-queued-at = Lagt i kø
staff-outbox-kind = E-post
staff-outbox-to = Til
staff-outbox-finished-at = Ferdig
staff-outbox-error = Feil
staff-email-confirm_request = Bekreft påmelding
staff-email-waiting_list = Venteliste
staff-email-confirmed = Påmelding bekreftet
staff-email-promoted = Fått plass
staff-email-cancelled = Avmeldt
staff-email-already_signed_up = Allerede påmeldt
staff-email-reminder = Påminnelse
staff-email-course_full = Kurset er fullt
staff-email-sign_up_received = Påmelding sendt til deltakeren
staff-email-sign_in_code = Innloggingskode
staff-email-date_cancelled = Kursdag avlyst
staff-outbox-pending = Venter
staff-outbox-sending = Sendes
staff-outbox-sent = Sendt
staff-outbox-failed = Feilet
staff-outbox-discarded = Droppet
staff-audit-title = Logg over endringer
staff-audit-detail = Før og etter
staff-audit-system = Systemet
staff-audit-when = Når
staff-audit-who = Hvem
staff-audit-what = Hva
staff-audit-about = Gjelder
staff-audit-signed_in = Logget inn
staff-audit-signed_out = Logget ut
staff-audit-signed_out_everywhere = Logget ut overalt
staff-audit-account_created = Konto opprettet
staff-audit-role_changed = Rolle endret
staff-audit-participants_viewed = Så deltakerlisten
staff-audit-participants_exported = Lastet ned deltakerlisten
staff-audit-sign_up_cancelled = Meldte av en deltaker
staff-audit-sign_up_promoted = Ga en plass fra ventelisten
staff-audit-phone_sign_up_added = La til en som ringte
staff-audit-status_changed = Endret status
staff-audit-offering_created = Opprettet tilbud
staff-audit-offering_edited = Endret tilbud
staff-audit-date_cancelled = Avlyste en dato
staff-audit-email_retried = Sendte en e-post på nytt
staff-view-stale = Bør bekreftes ({ $count })
staff-confirm = Det stemmer fortsatt
staff-confirmed-on = Sist bekreftet { $date }
offering-confirmed-on = Sist bekreftet av arrangøren { $date }.
email-stale_reminder-subject = Stemmer «{ $offering }» fortsatt?
email-stale_reminder-body = «{ $offering }» ble sist bekreftet { $since }. Gamle opplysninger gjør at folk går forgjeves. Se over tider, sted og kontakt, og bekreft eller endre tilbudet.
email-stale_reminder-link = Se over tilbudet
staff-audit-offering_confirmed = Bekreftet at tilbudet stemmer
staff-email-stale_reminder = Påminnelse om å bekrefte
staff-accounts-title = Kontoer
staff-account-role = Rolle
staff-account-organisations = Organisasjoner
staff-account-organisations-hint = En koordinator kan bare arbeide med tilbudene til organisasjonene som er krysset av.
staff-account-stopped = kan ikke logge inn
staff-account-active = Kan logge inn
staff-account-new = Ny konto
staff-account-add = Legg til konto
staff-account-exists-title = Kontoen finnes
staff-account-exists = Det finnes allerede en konto for denne adressen.
staff-account-self-title = Ikke din egen
staff-account-self = Du kan ikke ta fra deg selv administratorrollen eller stenge din egen konto. Be en annen administrator om det.

# Passord (valgfritt, i tillegg til kode på e-post)
staff-password-link = Passord
staff-password-sign-in = Logg inn med passord
staff-password-label = Passord
staff-password-title = Passord
staff-password-has = Du har et passord. Du kan også alltid logge inn med kode på e-post.
staff-password-none = Du logger inn med kode på e-post. Vil du heller bruke et passord, kan du lage et her. Det er frivillig.
staff-password-new = Nytt passord
staff-password-hint = Minst { $min } tegn. Noen ord på rad er lett å huske og vanskelig å gjette.
staff-password-repeat = Skriv passordet en gang til
staff-password-save = Lagre passordet
staff-password-remove-heading = Fjerne passordet
staff-password-remove-intro = Da logger du inn med kode på e-post, som før.
staff-password-remove = Fjern passordet
staff-password-invalid-title = Kunne ikke logge inn
staff-password-invalid = Feil e-postadresse eller passord. Etter mange feil forsøk virker passord ikke på et kvarter; logg inn med kode på e-post i stedet.
staff-password-short-title = For kort passord
staff-password-short = Passordet må ha minst 12 tegn og kan ikke være e-postadressen din.
staff-password-long-title = For langt passord
staff-password-long = Passordet kan ha høyst 128 tegn.
staff-password-differ-title = Passordene er ulike
staff-password-differ = Du skrev to ulike passord. Skriv det samme passordet i begge feltene.
staff-audit-password_set = La til eller endret passord
staff-audit-password_removed = Fjernet passord

# Forhåndsvisning
staff-preview = Forhåndsvis
staff-preview-link = Forhåndsvis siden slik den blir for publikum
staff-preview-banner = Forhåndsvisning: slik ser siden ut for publikum.
staff-preview-state = Status nå: { $status }.
staff-preview-back = Tilbake til skjemaet

# Melding til deltakerne
staff-message-title = Send melding til deltakerne
staff-message-label = Melding
staff-message-hint = Går på e-post til alle som har plass, og til den som meldte dem på. Skriv ikke om helse eller andre personlige forhold.
staff-message-waiting-list = Send også til dem på ventelisten
staff-message-send = Send meldingen
staff-message-sent = Meldingen går til { $count } påmeldte.
staff-message-not-sent = { $count } har ikke bekreftet e-postadresse eller ble meldt på per telefon: ring dem.
staff-message-missing = Skriv meldingen før du sender den.
staff-message-long = Meldingen kan ha høyst 2000 tegn.
staff-audit-course_message_sent = Sendte melding til deltakerne
staff-email-course_message = Melding fra kursholder
email-course_message-subject = { $course }: melding fra kursholderen
email-course_message-body = Kursholderen for { $course } har sendt denne meldingen til alle som er påmeldt:

# Organisasjoner
staff-organisations-title = Organisasjoner
staff-organisation-new = Ny organisasjon
staff-organisation-add = Legg til organisasjonen
staff-organisation-name-label = Navn
staff-organisation-kind-label = Slags organisasjon
staff-organisation-kind-municipal_unit = Kommunal enhet
staff-organisation-kind-volunteer_centre = Frivilligsentral
staff-organisation-kind-association = Lag eller forening
staff-organisation-website-label = Nettside (valgfritt)
staff-organisation-direct = Kan publisere uten godkjenning fra redaktør
staff-organisation-offerings = { $count ->
    [one] ett tilbud
   *[other] { $count } tilbud
}
staff-organisation-name = Skriv organisasjonens navn, høyst 120 tegn.
staff-organisation-kind = Velg hva slags organisasjon det er.
staff-organisation-website = Nettsiden må være en adresse som begynner med https:// eller http://.
staff-audit-organisation_created = La til organisasjon
staff-audit-organisation_changed = Endret organisasjon

# Steder
staff-venues-title = Steder
staff-venues-intro = Stedene som ble sjekket for lengst siden, står først. Et sted deles av alle tilbudene som holder til der: endringer vises på alle sidene deres.
staff-venue-checked-on-hint = Datoen du sjekket, for eksempel 24.11.2026. Tomt betyr i dag.
staff-venue-name = Skriv navnet på stedet.
staff-venue-checked-on = Skriv datoen tilgjengeligheten ble sjekket, for eksempel 24.11.2026, og ikke en dato fram i tid.
staff-audit-venue_changed = Endret sted
