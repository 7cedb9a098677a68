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
text-size-large = Større tekst
language-in-en = engelsk
footer-about = Treffpunkt viser aktivitetar, møtestader, frivilligsentralar og kurs i kommunen.
footer-no-referral = Det aller meste du finn her, er ope for alle, utan tilvising eller vedtak. Tilbod som treng tilvising frå lege, seier det.

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
search-did-you-mean = Meinte du:
subscribe-heading = Følg med på lista
subscribe-hint = Få tilboda på denne lista inn i kalenderen på telefonen eller datamaskina. Kalenderen oppdaterer seg sjølv når noko blir endra eller avlyst.
subscribe-calendar = Abonner i kalenderen
subscribe-download = Last ned kalenderfil (.ics)
subscribe-changes = Nye og endra tilbod (nyheitsstraum)
calendar-feed-district = Treffpunkt: { $district }
calendar-feed-all = Treffpunkt: alle tilbod
changes-feed-title = Nytt og endra i { $district }
changes-feed-subtitle = Aktivitetar, møteplassar og kurs i { $district } som er nye eller endra.
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
filter-no-referral = Utan tilvising
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
offering-referral-recommended = Du treng inga tilvising, men vi tilrår at du snakkar med fastlegen din først.
offering-referral-required = Du må ha tilvising frå lege for å vere med. Snakk med fastlegen din.
referral-not_needed = Utan tilvising
referral-recommended = Tilvising er tilrådd
referral-required = Krev tilvising
offering-cost = Pris
offering-how-to-join = Slik blir du med
offering-join-drop-in = Du treng ikkje melde deg på. Berre kom!
offering-join-sign-up = Du må melde deg på. Ta kontakt med kontaktpersonen.
offering-add-to-calendar = Legg til i kalenderen
offering-print = Skriv ut
offering-read-aloud = Les opp
offering-read-pause = Pause
offering-read-stop = Stopp
offering-read-reading = Les opp …
offering-read-no-voice = Nettlesaren har inga norsk stemme, så teksten blir lesen med ei anna stemme og kan vere vanskeleg å forstå.
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

## Påmelding til kurs
course-places-left = { $count ->
    [0] Ingen ledige plassar
    [one] Éin plass att
   *[other] { $count } plassar att
}
course-full-waiting-list = Fullt – du kan stå på venteliste
course-full = Fullt
course-not-open = Påmeldinga har ikkje opna enno.
course-closed = Påmeldinga er stengd.
course-sign-up-button = Meld deg på
course-waiting-list-button = Set deg på venteliste
sign-up-title = Påmelding: { $course }
sign-up-intro = Fyll ut skjemaet. Du får ein e-post med ei lenkje du må trykkje på for å stadfeste påmeldinga.
sign-up-waiting-intro = Kurset er fullt. Meld deg på, så får du plass på ventelista. Blir ein plass ledig, får du beskjed på e-post.
sign-up-participant = Deltakar
sign-up-participant-name = Namn
sign-up-participant-email = E-post
sign-up-participant-email-hint = Må fyllast ut, med mindre du melder på ein annan og skriv inn din eigen e-post nedanfor.
sign-up-participant-phone = Telefon (valfritt)
sign-up-on-behalf = Eg melder på ein annan (til dømes ein forelder)
sign-up-registrant = Deg som melder på
sign-up-registrant-hint = Fyll ut berre viss du melder på ein annan. Du får alle e-postane om påmeldinga.
sign-up-registrant-name = Namnet ditt
sign-up-registrant-email = E-posten din
sign-up-needs = Behov vi bør vite om (valfritt)
sign-up-needs-hint = Til dømes rullestol, tolk eller allergi. Ikkje skriv noko om helse eller diagnose.
sign-up-consent = Eg samtykkjer til at opplysningane blir lagra for å handtere påmeldinga, slik det står i personvernerklæringa.
sign-up-privacy-link = Les personvernerklæringa
sign-up-submit = Send påmelding
sign-up-errors-heading = Noko må rettast før du kan sende:
sign-up-website = Ikkje fyll ut dette feltet
sign-up-sent-title = Sjekk e-posten din
sign-up-sent-body = Vi har sendt ein e-post. Påmeldinga blir stadfesta med lenkja i han, og plassane går til dei som stadfestar først. Finn du han ikkje, sjå i søppelpost-mappa.
sign-up-sent-back = Tilbake til kurset
field-required = Dette feltet må fyllast ut.
field-too-long = Teksten er for lang.
field-email-invalid = Skriv ei gyldig e-postadresse, til dømes namn@eksempel.no.
field-phone-invalid = Skriv eit gyldig telefonnummer, til dømes 912 34 567.
field-consent-required = Du må samtykkje for at vi kan ta imot påmeldinga.
sign-up-not-open = Påmeldinga til dette kurset har ikkje opna enno.
sign-up-closed = Påmeldinga til dette kurset er stengd.
sign-up-full = Kurset er fullt, og det er inga venteliste.
rate-limited = Det har kome mange forsøk herifrå på kort tid. Vent litt og prøv igjen.
error-bad-request = Førespurnaden kunne ikkje lesast. Last inn sida på nytt og prøv igjen.
error-busy = Søket har mykje å gjere akkurat no. Vent litt og prøv igjen.
sign-up-limit = Det er alt sendt så mange påmeldingar til dette kurset herifrå som vi tek imot. Skal fleire vere med, ring kontaktpersonen for kurset, så melder dei dykk på.
link-invalid = Lenkja verkar ikkje. Sjekk at du har kopiert heile lenkja frå e-posten.
link-expired = Lenkja har gått ut.

## Stadfest og meld av
confirm-title = Stadfest påmeldinga
confirm-question = Trykk på knappen for å stadfeste påmeldinga til { $course }.
confirm-button = Stadfest påmeldinga
confirm-done = Påmeldinga til { $course } er stadfesta. Du får ein e-post med kursdagane.
confirm-waiting = Du står på venteliste til { $course } som nummer { $position }. Du får e-post viss du får plass.
cancel-title = Meld av
cancel-question = Vil du melde deg av { $course }? Plassen går då til den neste på ventelista.
cancel-button = Ja, meld meg av
cancel-done = Du er meldt av { $course }.
link-status-expired = Denne påmeldinga har gått ut fordi ho ikkje vart stadfesta i tide.
link-status-full = Kurset vart fullt før påmeldinga vart stadfesta, og det er ikkje plass på noka venteliste. Du er ikkje påmeld. Ring gjerne kontaktpersonen for kurset.

## Personvern
privacy-title = Personvern ved påmelding
privacy-what = Når du melder deg på eit kurs, lagrar vi namn, e-post, telefon (viss du oppgir det), kven som melde på, og behova du skriv inn.
privacy-why = Vi brukar opplysningane berre til å handtere påmeldinga: stadfesting, venteliste, påminning og beskjed viss noko blir endra.
privacy-delete = Opplysningane blir sletta { $days } dagar etter siste kursdag. Du kan melde deg av når som helst med lenkja i e-posten. Melder du deg av, eller blir påmeldinga ikkje stadfesta, blir opplysningane sletta etter eitt døgn.
privacy-health = Skriv aldri noko om helse eller diagnose i skjemaet. E-postane våre nemner berre namnet på kurset.

## E-post
email-greeting = Hei { $name },
clock = kl. { $time }
email-confirm_request-subject = { $course }: stadfest påmeldinga
email-confirm_request-body = Vi har fått ei påmelding av { $participant } til { $course }. Trykk på lenkja nedanfor for å stadfeste ho. Plassane går til dei som stadfestar først; er kurset fullt då, kjem { $participant } på ventelista viss kurset har ei. Lenkja verkar til { $until }.
email-waiting_list-subject = { $course }: du står på venteliste
email-waiting_list-body = Kurset er fullt. { $participant } står som nummer { $position } på ventelista til { $course }. Blir ein plass ledig, får de e-post, og plassen er då dykkar.
email-confirmed-subject = { $course }: påmeldinga er stadfesta
email-confirmed-body = Påmeldinga av { $participant } til { $course } er stadfesta. Velkomen! Kursdagane står nedanfor, og kalenderfila ligg ved.
email-promoted-subject = { $course }: du har fått plass
email-promoted-body = Ein plass har blitt ledig, og { $participant } har fått plass på { $course }.
email-cancelled-subject = { $course }: du er meldt av
email-cancelled-body = { $participant } er meldt av { $course }. Velkomen att ein annan gong.
email-already_signed_up-subject = { $course }: du er allereie påmeldt
email-already_signed_up-body = Nokon prøvde å melde på { $participant } til { $course } ein gong til. Den første påmeldinga gjeld framleis, og ingenting er endra.
email-reminder-subject = { $course }: snart kursstart
email-reminder-body = Dette er ei påminning om at { $course } snart byrjar. Vi gler oss til å sjå { $participant }.
email-on-behalf = { $registrant } melde på { $participant }.
email-confirm-link = Stadfest påmeldinga
email-cancel-link = Meld av
email-sessions = Kursdagar:
email-place = Stad: { $place }
email-contact = Spørsmål? Kontakt { $contact }
email-privacy = Vi slettar opplysningane om påmeldinga etter at kurset er ferdig. Du fekk denne e-posten fordi adressa vart brukt i ei påmelding på Treffpunkt.
error-cross-site = Skjemaet vart sendt frå ein annan nettstad, så vi tok ikkje imot det. Gå til Treffpunkt og prøv igjen.
link-invalid-title = Lenkja verkar ikkje
link-expired-title = Lenkja har gått ut

field-text-invalid = Skriv teksten på ei linje, utan spesialteikn.
field-name-invalid = Skriv berre namnet, utan nettadresse eller e-postadresse.
email-greeting-anonymous = Hei,
email-already-confirm-again = Har du ikkje stadfesta påmeldinga enno? Bruk den nye lenkja nedanfor. Lenkjer i tidlegare e-postar verkar ikkje lenger.
email-course_full-subject = { $course }: kurset er fullt
email-course_full-body = Takk for at de stadfesta. Dessverre vart { $course } fullt før det, og det er ikkje plass på noka venteliste. { $participant } er ikkje påmeld. Ta gjerne kontakt viss de har spørsmål.
email-sign_up_received-subject = { $course }: påmeldinga er send til deltakaren
email-sign_up_received-body = Du har meldt på ein annan til { $course } med den eigne e-postadressa til deltakaren. Deltakaren får ein e-post der og stadfestar påmeldinga sjølv. Stadfestar deltakaren, får du òg ein e-post om korleis det gjekk.
sign-up-not-open-title = Påmeldinga har ikkje opna
sign-up-closed-title = Påmeldinga er stengd
rate-limited-title = Vent litt
error-bad-request-title = Noko gjekk gale med førespurnaden
error-busy-title = Prøv igjen om litt
sign-up-limit-title = Ikkje fleire påmeldingar herifrå
error-cross-site-title = Skjemaet vart ikkje sendt
privacy-email = Vi lagrar ikkje e-postane vi sender. Adressa ein e-post gjekk til, blir sletta { $minutes } minutt etter at han er sendt.
pagination = Fleire sider
result-range = Viser { $from }–{ $to } av { $total }
page-previous = Førre side
page-next = Neste side

## Tilsettområdet
error-sign-in-required-title = Logg inn
error-sign-in-required = Du må logge inn for å sjå denne sida.
error-forbidden-title = Ikkje tilgang
error-forbidden = Du har ikkje tilgang til denne sida. Ho høyrer til ein annan organisasjon, eller krev ei anna rolle.
sign-in-code-invalid-title = Koden verkar ikkje
sign-in-code-invalid = Koden eller lenkja verkar ikkje. Ho kan vere skriven feil, allereie brukt eller eldre enn 15 minutt. Be om ein ny kode.
staff-email-invalid-title = Sjekk e-postadressa
staff-email-invalid = Skriv e-postadressa di, til dømes namn@kommune.no.
email-sign_in_code-subject = Innloggingskode til Treffpunkt
email-sign_in_code-body = Koden din er { $code }. Skriv han inn på innloggingssida, eller bruk lenkja under. Koden og lenkja verkar i { $minutes } minutt og kan brukast éin gong.
email-sign_in_code-link = Logg inn på Treffpunkt
email-sign_in_code-not-you = Bad du ikkje om å logge inn, kan du sjå bort frå denne e-posten.
staff-role-admin = administrator
staff-role-editor = redaktør
staff-role-coordinator = koordinator
staff-signed-in-as = Logga inn som { $name } ({ $role })
staff-sign-out = Logg ut
staff-sign-out-everywhere = Logg ut på alle einingar
staff-sign-in-title = Logg inn for tilsette og frivillige
staff-sign-in-intro = Skriv e-postadressa di. Vi sender deg ein kode og ei lenkje som loggar deg inn.
staff-email-label = E-postadresse
staff-send-code = Send meg ein kode
staff-code-sent = Viss adressa har ein konto hos oss, har vi sendt ein e-post med ein kode. Det kan ta eit par minutt. Sjekk òg søppelpost.
staff-code-label = Kode frå e-posten
staff-code-hint = Seks siffer.
staff-code-again = Be om ein ny kode
staff-sign-in-button = Logg inn
staff-link-intro = Trykk på knappen for å logge inn.
staff-shared-computer = Dette er ei delt datamaskin
staff-shared-computer-hint = Då blir du logga ut når nettlesaren blir lukka, eller etter 30 minutt utan bruk.
staff-form-problem = Noko må rettast
staff-title = Tilboda dine
staff-offering-count = { $count ->
    [one] Eitt tilbod
   *[other] { $count } tilbod
}
staff-offerings-caption = Tilbod du kan redigere
staff-col-title = Tittel
staff-col-kind = Type
staff-col-status = Status
staff-col-organisation = Arrangør
staff-col-district = Bydel
staff-col-actions = Handlingar
staff-col-position = Nr.
staff-participants = Deltakarar
staff-offering-status-draft = Utkast
staff-offering-status-submitted = Sendt til godkjenning
staff-offering-status-published = Publisert
staff-offering-status-archived = Arkivert
staff-course-title = Deltakarar: { $course }
staff-course-places = { $taken } av { $places } plassar er tekne.
staff-export-csv = Last ned deltakarlista (CSV)
staff-list-confirmed = Stadfesta
staff-list-awaiting = Ventar på stadfesting
staff-list-waiting = Venteliste
staff-list-empty = Ingen.
staff-csv-list = Liste
staff-csv-name = Namn
staff-csv-email = E-post
staff-csv-phone = Telefon
staff-csv-registrant = Meld på av
staff-csv-needs = Behov
staff-csv-email-confirmed = E-post stadfesta
staff-csv-signed-up-at = Meld på
staff-yes = Ja
staff-no = Nei
staff-status-awaiting_confirmation = Ventar på stadfesting
staff-status-confirmed = Stadfesta
staff-status-waiting_list = Venteliste
staff-status-cancelled = Avmeld
staff-status-expired = Gått ut
staff-status-full = Fullt då e-posten vart stadfesta
staff-views = Vising
staff-view-all = Alle tilbod
staff-view-submitted = Til godkjenning ({ $count })
staff-review-comment = Kommentar frå redaktør
staff-approve = Godkjenn og publiser
staff-publish = Publiser
staff-submit = Send til godkjenning
staff-return = Send tilbake
staff-withdraw = Trekk tilbake
staff-restore = Hent fram att
staff-unpublish = Avpubliser
staff-archive = Arkiver
staff-course-full-title = Kurset er fullt
staff-course-full = Kurset er fullt og har inga venteliste. Auk talet på plassar eller slå på venteliste først.
staff-phone-name-missing = Skriv namnet til deltakaren.
staff-phone-name-invalid = Namnet kan ha høgst 100 teikn, på éi linje.
staff-phone-invalid = Skriv eit telefonnummer med 8 til 15 siffer, til dømes 912 34 567.
staff-phone-note-too-long = Behova kan ha høgst 500 teikn.
staff-cancel-for = Meld av { $name }
staff-give-place = Gi { $name } plass
staff-print-list = Skriv ut deltakarlista
staff-phone-title = Legg til ein som ringde
staff-phone-intro = For deltakarar utan e-post. Dei får plass viss det er ledig, elles blir dei sette på ventelista. Ingen e-post blir send.
staff-phone-add = Legg til deltakar
staff-search-label = Finn tilbod etter tittel
staff-edit = Rediger
staff-copy = Kopier
staff-edit-offering-title = Rediger «{ $title }»
staff-copy-offering-title = Kopi av «{ $title }»
staff-form-saved = Lagra. Endringa blir vist på nettsida med ein gong tilbodet er publisert.
staff-form-public-page = Sjå den offentlege sida
staff-form-about = Om tilbodet
staff-form-title = Tittel
staff-form-summary = Kort skildring
staff-form-summary-hint = Éin eller to setningar som blir viste i lister.
staff-form-description = Skildring
staff-form-description-hint = Skriv vanleg tekst. Tom linje gir nytt avsnitt. Dette går òg: **feit skrift**, *kursiv*, ei liste med «- » først på kvar linje, og lenkjer som [tekst](https://adresse).
staff-form-cost-note = Om prisen (valfritt)
staff-form-organisation = Arrangør
staff-form-where = Kvar
staff-form-district = Bydel
staff-form-venue = Stad
staff-form-venue-none = Utan fast stad
staff-form-venue-new = Ny stad
staff-form-venue-name-label = Namn på staden
staff-form-venue-address = Adresse
staff-form-venue-postcode = Postnummer
staff-form-venue-city = Poststad
staff-form-parking = Parkering
staff-form-checked-on = Tilgjengetilhøva vart sjekka
staff-form-when = Når
staff-form-weekly = Faste tider
staff-form-weekly-hint = Éi tid per linje, til dømes «tysdag 10.00–11.30».
staff-form-opening = Opningstider
staff-form-opening-hint = Éin dag per linje, til dømes «måndag 09.00–15.00».
staff-form-valid-from = Gjeld frå
staff-form-valid-to = Gjeld til (valfritt)
staff-form-date-hint = Til dømes 24.12.2026 eller 24. desember 2026.
staff-form-skip = Datoar utan møte
staff-form-skip-hint = Til dømes heilagdagar: 24.12.2026, 31.12.2026.
staff-form-sessions = Kursdagar
staff-form-sessions-hint = Éin kursdag per linje, til dømes «12.01.2027 10.00–12.30».
staff-form-capacity-label = Tal på plassar
staff-form-opens = Påmeldinga opnar (valfritt)
staff-form-closes = Påmeldinga stengjer (valfritt)
staff-form-waiting-list = Venteliste når kurset er fullt
staff-form-who = Kven er det for
staff-form-categories = Tema
staff-form-price-and-contact = Pris og kontakt
staff-form-price-label = Pris i kroner
staff-form-price-hint = La feltet stå tomt viss det er gratis.
staff-form-sign-up-required = Deltakarane må melde seg på
staff-form-referral = Trengst tilvising frå lege?
staff-form-contact-name-label = Kontaktperson
staff-form-contact-email-label = E-post til kontaktpersonen
staff-form-contact-phone = Telefon til kontaktpersonen (valfritt)
staff-form-translations = Omsetjingar (valfritt)
staff-form-texts-nn = Nynorsk
staff-form-texts-en = Engelsk
staff-form-save = Lagre
staff-form-kind-missing = Vel kva slags tilbod det er.
staff-form-district-missing = Vel bydel.
staff-form-organisation-missing = Vel arrangør.
staff-form-title-missing = Skriv ein tittel.
staff-form-title-long = Tittelen kan ha høgst 120 teikn.
staff-form-summary-long = Den korte skildringa kan ha høgst 300 teikn.
staff-form-description-long = Skildringa kan ha høgst 5000 teikn.
staff-form-translation-title = Ei omsetjing treng ein tittel.
staff-form-price = Skriv prisen som eit heilt tal kroner, til dømes 50, eller la feltet stå tomt.
staff-form-contact-name = Skriv namnet til kontaktpersonen.
staff-form-contact-email = Skriv ei e-postadresse til kontaktpersonen, til dømes namn@kommune.no.
staff-form-venue-name = Skriv namnet på den nye staden.
staff-form-date = Vi forstår ikkje datoen «{ $typed }». Skriv til dømes 24.12.2026.
staff-form-session-line = Vi forstår ikkje kursdagen «{ $typed }». Skriv til dømes 12.01.2027 10.00–12.30.
staff-form-sessions-missing = Skriv minst éin kursdag.
staff-form-capacity = Skriv tal på plassar, frå 1 til 1000.
staff-form-weekly-line = Vi forstår ikkje tida «{ $typed }». Skriv til dømes tysdag 10.00–11.30.
staff-form-period = «Gjeld til» må vere etter «Gjeld frå».
staff-new-activity_group = Ny aktivitetsgruppe
staff-new-meeting_place = Ny møtestad
staff-new-volunteer_centre = Ny frivilligsentral
staff-new-course = Nytt kurs
offering-cancelled = Avlyst
staff-not-a-meeting-title = Ikkje ein av datoane
staff-not-a-meeting = Vel ein av dei komande datoane tilbodet har.
email-date_cancelled-subject = { $course }: ein kursdag er avlyst
email-date_cancelled-body = Ein kursdag på { $course } er avlyst. Dei andre kursdagane går som planlagt. Avlyst:
staff-cancel-link = Avlys ein dato
staff-cancel-title = Avlys ein dato: { $title }
staff-cancel-which = Kva for ein dato blir avlyst?
staff-cancel-reason = Kvifor (blir vist på nettsida og i e-posten)
staff-cancel-reason-hint = Til dømes «Kursleiaren er sjuk». Éi linje.
staff-cancel-emailed = { $count ->
    [one] Den som er påmeld, får e-post om det.
   *[other] Dei { $count } som er påmelde, får e-post om det.
}
staff-cancel-button = Avlys datoen
staff-cancel-done = Datoen er avlyst. Nettsida og kalenderfila viser det innan eit par sekund.
staff-cancel-already = Allereie avlyst
staff-outbox-title = Utboks
staff-outbox-retry = Prøv igjen
staff-outbox-summary = { $queued } ventar, { $failed } feila.
staff-outbox-queued-at = Lagd i kø
staff-outbox-kind = E-post
staff-outbox-to = Til
staff-outbox-finished-at = Ferdig
staff-outbox-error = Feil
staff-email-confirm_request = Stadfest påmelding
staff-email-waiting_list = Venteliste
staff-email-confirmed = Påmelding stadfesta
staff-email-promoted = Fått plass
staff-email-cancelled = Avmeld
staff-email-already_signed_up = Allereie påmeld
staff-email-reminder = Påminning
staff-email-course_full = Kurset er fullt
staff-email-sign_up_received = Påmelding send til deltakaren
staff-email-sign_in_code = Innloggingskode
staff-email-date_cancelled = Kursdag avlyst
staff-outbox-pending = Ventar
staff-outbox-sending = Blir send
staff-outbox-sent = Send
staff-outbox-failed = Feila
staff-outbox-discarded = Droppa
staff-audit-title = Logg over endringar
staff-audit-detail = Før og etter
staff-audit-system = Systemet
staff-audit-when = Når
staff-audit-who = Kven
staff-audit-what = Kva
staff-audit-about = Gjeld
staff-audit-signed_in = Logga inn
staff-audit-signed_out = Logga ut
staff-audit-signed_out_everywhere = Logga ut overalt
staff-audit-account_created = Konto oppretta
staff-audit-role_changed = Rolle endra
staff-audit-participants_viewed = Såg deltakarlista
staff-audit-participants_exported = Lasta ned deltakarlista
staff-audit-sign_up_cancelled = Melde av ein deltakar
staff-audit-sign_up_promoted = Gav ein plass frå ventelista
staff-audit-phone_sign_up_added = La til ein som ringde
staff-audit-status_changed = Endra status
staff-audit-offering_created = Oppretta tilbod
staff-audit-offering_edited = Endra tilbod
staff-audit-date_cancelled = Avlyste ein dato
staff-audit-email_retried = Sende ein e-post på nytt
staff-view-stale = Bør stadfestast ({ $count })
staff-confirm = Det stemmer framleis
staff-confirmed-on = Sist stadfesta { $date }
offering-confirmed-on = Sist stadfesta av arrangøren { $date }.
email-stale_reminder-subject = Stemmer «{ $offering }» framleis?
email-stale_reminder-body = «{ $offering }» vart sist stadfesta { $since }. Gamle opplysningar gjer at folk går forgjeves. Sjå over tider, stad og kontakt, og stadfest eller endra tilbodet.
email-stale_reminder-link = Sjå over tilbodet
staff-audit-offering_confirmed = Stadfesta at tilbodet stemmer
staff-email-stale_reminder = Påminning om å stadfeste
staff-accounts-title = Kontoar
staff-account-role = Rolle
staff-account-organisations = Organisasjonar
staff-account-organisations-hint = Ein koordinator kan berre arbeide med tilboda til organisasjonane som er kryssa av.
staff-account-stopped = kan ikkje logge inn
staff-account-active = Kan logge inn
staff-account-new = Ny konto
staff-account-add = Legg til konto
staff-account-exists-title = Kontoen finst
staff-account-exists = Det finst allereie ein konto for denne adressa.
staff-account-self-title = Ikkje din eigen
staff-account-self = Du kan ikkje ta frå deg sjølv administratorrolla eller stengje din eigen konto. Be ein annan administrator om det.

# Passord (valfritt, i tillegg til kode på e-post)
staff-password-link = Passord
staff-password-sign-in = Logg inn med passord
staff-password-label = Passord
staff-password-title = Passord
staff-password-has = Du har eit passord. Du kan òg alltid logge inn med kode på e-post.
staff-password-none = Du loggar inn med kode på e-post. Vil du heller bruke eit passord, kan du lage eit her. Det er frivillig.
staff-password-new = Nytt passord
staff-password-hint = Minst { $min } teikn. Nokre ord på rad er lett å hugse og vanskeleg å gjette.
staff-password-repeat = Skriv passordet ein gong til
staff-password-save = Lagre passordet
staff-password-remove-heading = Fjerne passordet
staff-password-remove-intro = Då loggar du inn med kode på e-post, som før.
staff-password-remove = Fjern passordet
staff-password-invalid-title = Kunne ikkje logge inn
staff-password-invalid = Feil e-postadresse eller passord. Etter mange feil forsøk verkar ikkje passord på eit kvarter; logg inn med kode på e-post i staden.
staff-password-short-title = For kort passord
staff-password-short = Passordet må ha minst 12 teikn og kan ikkje vere e-postadressa di.
staff-password-long-title = For langt passord
staff-password-long = Passordet kan ha høgst 128 teikn.
staff-password-differ-title = Passorda er ulike
staff-password-differ = Du skreiv to ulike passord. Skriv det same passordet i begge felta.
staff-audit-password_set = La til eller endra passord
staff-audit-password_removed = Fjerna passord

# Førehandsvising
staff-preview = Førehandsvis
staff-preview-link = Førehandsvis sida slik ho blir for publikum
staff-preview-banner = Førehandsvising: slik ser sida ut for publikum.
staff-preview-state = Status no: { $status }.
staff-preview-back = Tilbake til skjemaet

# Melding til deltakarane
staff-message-title = Send melding til deltakarane
staff-message-label = Melding
staff-message-hint = Går på e-post til alle som har plass, og til den som melde dei på. Skriv ikkje om helse eller andre personlege forhold.
staff-message-waiting-list = Send òg til dei på ventelista
staff-message-send = Send meldinga
staff-message-sent = Meldinga går til { $count } påmelde.
staff-message-not-sent = { $count } har ikkje stadfesta e-postadresse eller vart melde på per telefon: ring dei.
staff-message-missing = Skriv meldinga før du sender henne.
staff-message-long = Meldinga kan ha høgst 2000 teikn.
staff-audit-course_message_sent = Sende melding til deltakarane
staff-email-course_message = Melding frå kurshaldar
email-course_message-subject = { $course }: melding frå kurshaldaren
email-course_message-body = Kurshaldaren for { $course } har sendt denne meldinga til alle som er påmelde:

# Organisasjonar
staff-organisations-title = Organisasjonar
staff-organisation-new = Ny organisasjon
staff-organisation-add = Legg til organisasjonen
staff-organisation-name-label = Namn
staff-organisation-kind-label = Slag organisasjon
staff-organisation-kind-municipal_unit = Kommunal eining
staff-organisation-kind-volunteer_centre = Frivilligsentral
staff-organisation-kind-association = Lag eller foreining
staff-organisation-website-label = Nettside (valfritt)
staff-organisation-direct = Kan publisere utan godkjenning frå redaktør
staff-organisation-offerings = { $count ->
    [one] eitt tilbod
   *[other] { $count } tilbod
}
staff-organisation-name = Skriv namnet på organisasjonen, høgst 120 teikn.
staff-organisation-kind = Vel kva slag organisasjon det er.
staff-organisation-website = Nettsida må vere ei adresse som byrjar med https:// eller http://.
staff-audit-organisation_created = La til organisasjon
staff-audit-organisation_changed = Endra organisasjon

# Stader
staff-venues-title = Stader
staff-venues-intro = Stadene som vart sjekka for lengst sidan, står først. Ein stad blir delt av alle tilboda som held til der: endringar blir viste på alle sidene deira.
staff-venue-checked-on-hint = Datoen du sjekka, til dømes 24.11.2026. Tomt tyder i dag.
staff-venue-name = Skriv namnet på staden.
staff-venue-checked-on = Skriv datoen tilgjengelegheita vart sjekka, til dømes 24.11.2026, og ikkje ein dato fram i tid.
staff-audit-venue_changed = Endra stad
