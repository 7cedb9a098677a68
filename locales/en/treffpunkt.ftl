# Treffpunkt – British English. All keys here must also exist in nb and nn.

site-name = Treffpunkt
skip-to-content = Skip to main content
search-label = Search for activities and meeting places
search-button = Search
language-choose = Choose language
language-nb = Bokmål
language-nn = Nynorsk
language-en = English
language-in-nb = Bokmål
language-in-nn = Nynorsk
text-size-large = Larger text
language-in-en = English
footer-about = Treffpunkt shows activities, meeting places, volunteer centres and courses in the municipality.
footer-no-referral = Nearly everything you find here is open to everyone, with no referral or approval needed. Offerings that need a doctor's referral say so.

breadcrumb = Breadcrumb
breadcrumb-home = Home

## Dates and times
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-long = { $weekday } { $day } { $month }
date-long-year = { $weekday } { $day } { $month } { $year }
date-short = { $day }/{ $month }/{ $year }
time = { $hour }:{ $minute }
time-range = { $start }–{ $end }
today = today

## Kinds of offering
kind-activity_group = Activity group
kind-meeting_place = Meeting place
kind-volunteer_centre = Volunteer centre
kind-course = Learning and coping course
kinds-activity_group = Activity groups
kinds-meeting_place = Meeting places
kinds-volunteer_centre = Volunteer centres
kinds-course = Courses
kind-hint-activity_group = Exercise, walks, choirs and hobbies – regular groups every week
kind-hint-meeting_place = Cafés and meeting places where you can drop in
kind-hint-volunteer_centre = Volunteers who run activities and need more helping hands
kind-hint-course = Courses for you if you live with an illness, and for next of kin

## Who the offering is for
audience-everyone = Everyone
audience-seniors = Older people
audience-dementia = People with dementia
audience-next_of_kin = Next of kin
audience-long_term_illness = People with a long-term illness

time-of-day-morning = Morning (before 12 noon)
time-of-day-afternoon = Afternoon (12 noon–5 pm)
time-of-day-evening = Evening (after 5 pm)

## Cards and labels
price-free = Free
price-amount = NOK { $amount }
sign-up-required = Sign-up needed
sign-up-not-needed = No sign-up needed
access-step-free = Step-free entrance
access-hearing-loop = Hearing loop
access-toilet = Accessible toilet
access-parking = Parking
access-checked = Last checked { $date }
card-next = Next time
card-next-open = Next open
card-where = Place
answer-yes = yes
answer-no = no

## Home page
home-heading = Find something to go to near you
home-description = Activities, meeting places, volunteer centres and courses in your district. Open to everyone, no referral needed.
home-lead = Here you can find activities, meeting places and courses in your district. Most things are free, and you do not need a referral.
home-choose-district = Choose your district
home-choose-kind = What are you looking for?
home-this-week = This week
home-this-week-empty = Nothing is happening in the next seven days.
home-see-all = See all offerings
offering-count = { $count ->
    [0] no offerings
    [one] one offering
   *[other] { $count } offerings
}

## Lists and filters
district-title = Offerings in { $district }
district-description = Activities, meeting places and courses in { $district }.
all-title = All offerings
all-description = All activities, meeting places, volunteer centres and courses in the municipality.
search-title = Search: ‘{ $query }’
result-count = { $count ->
    [0] No offerings
    [one] One offering
   *[other] { $count } offerings
}
result-empty = There are no offerings here yet.
result-empty-filtered = No offerings match your choices. Try removing some of them.
search-did-you-mean = Did you mean:
subscribe-heading = Follow this list
subscribe-hint = Get the offerings on this list into the calendar on your phone or computer. The calendar updates itself when something changes or is called off.
subscribe-calendar = Subscribe in your calendar
subscribe-download = Download calendar file (.ics)
subscribe-changes = New and changed offerings (news feed)
calendar-feed-district = Treffpunkt: { $district }
calendar-feed-all = Treffpunkt: all offerings
changes-feed-title = New and changed in { $district }
changes-feed-subtitle = Activities, meeting places and courses in { $district } that are new or have changed.
filter-heading = Choose what you want to see
filter-search = Search words
filter-district = District
filter-all-districts = All districts
filter-kind = Type
filter-all-kinds = All types
filter-category = Topic
filter-all-categories = All topics
filter-audience = Who it is for
filter-all-audiences = Everyone
filter-day = Day
filter-all-days = All days
filter-time = Time of day
filter-all-times = All day
filter-only = Show only
filter-free = Free
filter-drop-in = No sign-up needed
filter-step-free = Step-free entrance
filter-no-referral = No referral needed
filter-submit = Show offerings
filter-reset = Clear all

## Offering page
content-fallback = This text is not available in { $language } yet, so it is shown in Norwegian Bokmål.
offering-when = When
offering-opening-hours = Opening hours
offering-next-times = Next dates
offering-ended = This offering has ended.
weekly-every = Every { $weekday }, { $time }
weekly-until = until { $date }
weekly-skipped = Not on { $dates }
course-sessions = Course dates
course-capacity = { $count ->
    [one] One place
   *[other] { $count } places
}
course-opens = Sign-up opens on { $date }.
course-closes = Last day to sign up: { $date }.
offering-where = Where
offering-map = See the place on a map
offering-bus = Nearest stop
offering-accessibility = Accessibility
offering-for-whom = Who it is for
offering-categories = Topics
offering-no-referral = You do not need a referral.
offering-referral-recommended = You do not need a referral, but we recommend that you talk to your GP first.
offering-referral-required = You need a referral from a doctor to take part. Talk to your GP.
referral-not_needed = No referral needed
referral-recommended = Referral recommended
referral-required = Referral required
offering-cost = Price
offering-how-to-join = How to join
offering-join-drop-in = You do not need to sign up. Just come along!
offering-join-sign-up = You need to sign up. Please get in touch with the contact person.
offering-add-to-calendar = Add to calendar
offering-print = Print
offering-read-aloud = Read aloud
offering-read-pause = Pause
offering-read-stop = Stop
offering-read-reading = Reading aloud …
offering-read-no-voice = This browser has no English voice, so the text is read in another voice and may be hard to follow.
offering-runs = What we run
contact-organiser = Organiser
contact-person = Contact person
contact-phone = Phone:
contact-email = Email:
contact-website = Website

## Errors
error-not-found-title = Page not found
error-not-found = We could not find what you were looking for. The offering may have ended, or the link may be wrong.
error-internal-title = Something went wrong
error-internal = Something went wrong on our side. Please try again in a little while.
error-go-home = Go to the home page

## Course sign-up
course-places-left = { $count ->
    [0] No places left
    [one] One place left
   *[other] { $count } places left
}
course-full-waiting-list = Full – you can join the waiting list
course-full = Full
course-not-open = Sign-up has not opened yet.
course-closed = Sign-up is closed.
course-sign-up-button = Sign up
course-waiting-list-button = Join the waiting list
sign-up-title = Sign up: { $course }
sign-up-intro = Fill in the form. We will send you an email with a link. Click the link to confirm your sign-up.
sign-up-waiting-intro = The course is full. Sign up and we will put you on the waiting list. If a place becomes free, we will let you know by email.
sign-up-participant = Participant
sign-up-participant-name = Name
sign-up-participant-email = Email
sign-up-participant-email-hint = Required, unless you are signing up someone else and give your own email address below.
sign-up-participant-phone = Phone (optional)
sign-up-on-behalf = I am signing up someone else (for example a parent)
sign-up-registrant = You, the person signing up
sign-up-registrant-hint = Only fill this in if you are signing up someone else. You will get all the emails about the sign-up.
sign-up-registrant-name = Your name
sign-up-registrant-email = Your email
sign-up-needs = Needs we should know about (optional)
sign-up-needs-hint = For example a wheelchair, an interpreter or an allergy. Do not write anything about health or diagnoses.
sign-up-consent = I agree that this information may be stored to handle the sign-up, as described in the privacy notice.
sign-up-privacy-link = Read the privacy notice
sign-up-submit = Send sign-up
sign-up-errors-heading = Please fix the following before you send:
sign-up-website = Do not fill in this field
sign-up-sent-title = Check your email
sign-up-sent-body = We have sent an email. The sign-up is confirmed with the link in it, and places go to those who confirm first. If you cannot find it, look in your spam folder.
sign-up-sent-back = Back to the course
field-required = Please fill in this field.
field-too-long = The text is too long.
field-email-invalid = Enter a valid email address, for example name@example.com.
field-phone-invalid = Enter a valid phone number, for example 912 34 567.
field-consent-required = You must give your consent before we can accept the sign-up.
sign-up-not-open = Sign-up for this course has not opened yet.
sign-up-closed = Sign-up for this course is closed.
sign-up-full = The course is full, and there is no waiting list.
rate-limited = Many tries have come from here in a short time. Please wait a little and try again.
error-bad-request = The request could not be read. Reload the page and try again.
error-busy = Search is very busy just now. Please wait a little and try again.
sign-up-limit = As many sign-ups for this course as we take from one place have been sent from here already. If more people want to join, call the course's contact person, who will sign them up.
link-invalid = The link does not work. Check that you have copied the whole link from the email.
link-expired = The link has expired.

## Confirm and cancel
confirm-title = Confirm your sign-up
confirm-question = Press the button to confirm your sign-up for { $course }.
confirm-button = Confirm sign-up
confirm-done = Your sign-up for { $course } is confirmed. You will get an email with the course dates.
confirm-waiting = You are number { $position } on the waiting list for { $course }. We will email you if you get a place.
cancel-title = Cancel your place
cancel-question = Do you want to cancel your place on { $course }? The place will then go to the next person on the waiting list.
cancel-button = Yes, cancel my place
cancel-done = Your place on { $course } has been cancelled.
link-status-expired = This sign-up has expired because it was not confirmed in time.
link-status-full = The course filled up before the sign-up was confirmed, and there is no room on a waiting list. You are not signed up. Feel free to call the course's contact person.

## Privacy
privacy-title = Privacy when you sign up
privacy-what = When you sign up for a course, we store your name, email, phone number (if you give it), who made the sign-up, and any needs you write down.
privacy-why = We only use the information to handle the sign-up: confirmation, the waiting list, reminders and messages if anything changes.
privacy-delete = The information is deleted { $days } days after the last course date. You can cancel your place at any time using the link in the email. If you cancel, or the sign-up is not confirmed, the information is deleted after a day.
privacy-health = Never write anything about health or diagnoses in the form. Our emails only mention the name of the course.

## Email
email-greeting = Hello { $name },
clock = at { $time }
email-confirm_request-subject = { $course }: please confirm your sign-up
email-confirm_request-body = We have received a sign-up of { $participant } for { $course }. Click the link below to confirm it. Places go to those who confirm first; if the course is full by then, { $participant } goes on the waiting list if the course has one. The link works until { $until }.
email-waiting_list-subject = { $course }: you are on the waiting list
email-waiting_list-body = The course is full. { $participant } is number { $position } on the waiting list for { $course }. If a place becomes free, we will email you, and the place is then yours.
email-confirmed-subject = { $course }: sign-up confirmed
email-confirmed-body = { $participant } is now signed up for { $course }. Welcome! The course dates are listed below, and the calendar file is attached.
email-promoted-subject = { $course }: you have a place
email-promoted-body = A place has become free, and { $participant } now has a place on { $course }.
email-cancelled-subject = { $course }: your place is cancelled
email-cancelled-body = { $participant } is no longer signed up for { $course }. You are welcome back another time.
email-already_signed_up-subject = { $course }: you are already signed up
email-already_signed_up-body = Someone tried to sign up { $participant } for { $course } again. The first sign-up still stands, and nothing has changed.
email-reminder-subject = { $course }: the course starts soon
email-reminder-body = This is a reminder that { $course } starts soon. We look forward to seeing { $participant }.
email-on-behalf = { $registrant } signed up { $participant }.
email-confirm-link = Confirm sign-up
email-cancel-link = Cancel your place
email-sessions = Course dates:
email-place = Place: { $place }
email-contact = Questions? Contact { $contact }
email-privacy = We delete the sign-up information after the course has ended. You received this email because this address was used to sign up on Treffpunkt.
error-cross-site = The form was sent from another website, so we did not accept it. Please go to Treffpunkt and try again.
link-invalid-title = The link does not work
link-expired-title = The link has expired

field-text-invalid = Write the text on one line, without special characters.
field-name-invalid = Write just the name, without a web or email address.
email-greeting-anonymous = Hello,
email-already-confirm-again = Have you not confirmed the sign-up yet? Use the new link below. Links in earlier emails no longer work.
email-course_full-subject = { $course }: the course is full
email-course_full-body = Thank you for confirming. Unfortunately { $course } filled up before that, and there is no room on a waiting list. { $participant } is not signed up. Please get in touch if you have any questions.
email-sign_up_received-subject = { $course }: the sign-up was sent to the participant
email-sign_up_received-body = You have signed someone else up for { $course } with the participant's own email address. The participant gets an email there and confirms the sign-up themselves. If they confirm, you will get an email saying how it went.
sign-up-not-open-title = Sign-up has not opened
sign-up-closed-title = Sign-up is closed
rate-limited-title = Please wait a little
error-bad-request-title = Something was wrong with the request
error-busy-title = Try again in a moment
sign-up-limit-title = No more sign-ups from here
error-cross-site-title = The form was not sent
privacy-email = We do not keep the emails we send. The address an email went to is deleted { $minutes } minutes after it was sent.
pagination = More pages
result-range = Showing { $from }–{ $to } of { $total }
page-previous = Previous page
page-next = Next page

## Staff area
error-sign-in-required-title = Sign in
error-sign-in-required = Please sign in to see this page.
error-forbidden-title = No access
error-forbidden = You do not have access to this page. It belongs to another organisation, or needs another role.
sign-in-code-invalid-title = The code does not work
sign-in-code-invalid = The code or link does not work. It may be mistyped, already used or older than 15 minutes. Ask for a new code.
staff-email-invalid-title = Check the email address
staff-email-invalid = Type your email address, for example name@municipality.no.
email-sign_in_code-subject = Your Treffpunkt sign-in code
email-sign_in_code-body = Your code is { $code }. Type it on the sign-in page, or use the link below. The code and the link work for { $minutes } minutes and only once.
email-sign_in_code-link = Sign in to Treffpunkt
email-sign_in_code-not-you = If you did not ask to sign in, you can ignore this email.
staff-role-admin = administrator
staff-role-editor = editor
staff-role-coordinator = coordinator
staff-signed-in-as = Signed in as { $name } ({ $role })
staff-sign-out = Sign out
staff-sign-out-everywhere = Sign out on all devices
staff-sign-in-title = Sign in for staff and volunteers
staff-sign-in-intro = Type your email address. We will send you a code and a link that sign you in.
staff-email-label = Email address
staff-send-code = Send me a code
staff-code-sent = If the address has an account with us, we have sent an email with a code. It may take a couple of minutes. Check your spam folder too.
staff-code-label = Code from the email
staff-code-hint = Six digits.
staff-code-again = Ask for a new code
staff-sign-in-button = Sign in
staff-link-intro = Press the button to sign in.
staff-shared-computer = This is a shared computer
staff-shared-computer-hint = You will then be signed out when the browser closes, or after 30 minutes without use.
staff-form-problem = Something needs fixing
staff-title = Your offerings
staff-offering-count = { $count ->
    [one] One offering
   *[other] { $count } offerings
}
staff-offerings-caption = Offerings you can edit
staff-col-title = Title
staff-col-kind = Kind
staff-col-status = Status
staff-col-organisation = Organiser
staff-col-district = District
staff-col-actions = Actions
staff-col-position = No.
staff-participants = Participants
staff-offering-status-draft = Draft
staff-offering-status-submitted = Submitted for approval
staff-offering-status-published = Published
staff-offering-status-archived = Archived
staff-course-title = Participants: { $course }
staff-course-places = { $taken } of { $places } places are taken.
staff-export-csv = Download the participant list (CSV)
staff-list-confirmed = Confirmed
staff-list-awaiting = Awaiting confirmation
staff-list-waiting = Waiting list
staff-list-empty = None.
staff-csv-list = List
staff-csv-name = Name
staff-csv-email = Email
staff-csv-phone = Phone
staff-csv-registrant = Signed up by
staff-csv-needs = Needs
staff-csv-email-confirmed = Email confirmed
staff-csv-signed-up-at = Signed up
staff-yes = Yes
staff-no = No
staff-status-awaiting_confirmation = Awaiting confirmation
staff-status-confirmed = Confirmed
staff-status-waiting_list = Waiting list
staff-status-cancelled = Cancelled
staff-status-expired = Expired
staff-status-full = Full when the address was confirmed
staff-views = View
staff-view-all = All offerings
staff-view-submitted = Awaiting approval ({ $count })
staff-review-comment = Editor's comment
staff-approve = Approve and publish
staff-publish = Publish
staff-submit = Submit for approval
staff-return = Send back
staff-withdraw = Withdraw
staff-restore = Restore
staff-unpublish = Unpublish
staff-archive = Archive
staff-course-full-title = The course is full
staff-course-full = The course is full and has no waiting list. Add places or turn on the waiting list first.
staff-phone-name-missing = Type the participant's name.
staff-phone-name-invalid = The name can have at most 100 characters, on one line.
staff-phone-invalid = Type a phone number of 8 to 15 digits, for example 912 34 567.
staff-phone-note-too-long = The needs can have at most 500 characters.
staff-cancel-for = Cancel { $name }
staff-give-place = Give { $name } a place
staff-print-list = Print the participant list
staff-phone-title = Add someone who phoned
staff-phone-intro = For participants without email. They get a place if one is free, otherwise they go on the waiting list. No email is sent.
staff-phone-add = Add participant
staff-search-label = Find offerings by title
staff-edit = Edit
staff-copy = Copy
staff-edit-offering-title = Edit “{ $title }”
staff-copy-offering-title = Copy of “{ $title }”
staff-form-saved = Saved. The change shows on the site as soon as the offering is published.
staff-form-public-page = See the public page
staff-form-about = About the offering
staff-form-title = Title
staff-form-summary = Short description
staff-form-summary-hint = One or two sentences, shown in lists.
staff-form-description = Description
staff-form-description-hint = Plain text. An empty line starts a new paragraph. You can also use **bold**, *italics*, a list with “- ” at the start of each line, and links like [text](https://address).
staff-form-cost-note = About the price (optional)
staff-form-organisation = Organiser
staff-form-where = Where
staff-form-district = District
staff-form-venue = Place
staff-form-venue-none = No fixed place
staff-form-venue-new = New place
staff-form-venue-name-label = Name of the place
staff-form-venue-address = Address
staff-form-venue-postcode = Postcode
staff-form-venue-city = Town
staff-form-parking = Parking
staff-form-checked-on = Accessibility last checked
staff-form-when = When
staff-form-weekly = Regular times
staff-form-weekly-hint = One time a line, for example “tirsdag 10.00–11.30” or “Tuesday 10:00–11:30”.
staff-form-opening = Opening hours
staff-form-opening-hint = One day a line, for example “mandag 09.00–15.00” or “Monday 9:00–15:00”.
staff-form-valid-from = From
staff-form-valid-to = Until (optional)
staff-form-date-hint = For example 24.12.2026 or 24 December 2026.
staff-form-skip = Dates without a meeting
staff-form-skip-hint = Holidays, for example: 24.12.2026, 31.12.2026.
staff-form-sessions = Course days
staff-form-sessions-hint = One course day a line, for example “12.01.2027 10.00–12.30”.
staff-form-capacity-label = Places
staff-form-opens = Sign-up opens (optional)
staff-form-closes = Sign-up closes (optional)
staff-form-waiting-list = A waiting list when the course is full
staff-form-who = Who it is for
staff-form-categories = Themes
staff-form-price-and-contact = Price and contact
staff-form-price-label = Price in kroner
staff-form-price-hint = Leave it empty when it is free.
staff-form-sign-up-required = Participants must sign up
staff-form-referral = Is a doctor's referral needed?
staff-form-contact-name-label = Contact person
staff-form-contact-email-label = Contact person's email
staff-form-contact-phone = Contact person's phone (optional)
staff-form-translations = Translations (optional)
staff-form-texts-nn = Nynorsk
staff-form-texts-en = English
staff-form-save = Save
staff-form-kind-missing = Choose what kind of offering it is.
staff-form-district-missing = Choose a district.
staff-form-organisation-missing = Choose the organiser.
staff-form-title-missing = Type a title.
staff-form-title-long = The title can have at most 120 characters.
staff-form-summary-long = The short description can have at most 300 characters.
staff-form-description-long = The description can have at most 5000 characters.
staff-form-translation-title = A translation needs a title.
staff-form-price = Type the price as whole kroner, for example 50, or leave it empty.
staff-form-contact-name = Type the contact person's name.
staff-form-contact-email = Type the contact person's email, for example name@municipality.no.
staff-form-venue-name = Type the name of the new place.
staff-form-date = We cannot read the date “{ $typed }”. Type for example 24.12.2026.
staff-form-session-line = We cannot read the course day “{ $typed }”. Type for example 12.01.2027 10.00–12.30.
staff-form-sessions-missing = Type at least one course day.
staff-form-capacity = Type the number of places, from 1 to 1000.
staff-form-weekly-line = We cannot read the time “{ $typed }”. Type for example tirsdag 10.00–11.30.
staff-form-period = “Until” must be after “From”.
staff-new-activity_group = New activity group
staff-new-meeting_place = New meeting place
staff-new-volunteer_centre = New volunteer centre
staff-new-course = New course
offering-cancelled = Cancelled
staff-not-a-meeting-title = Not one of the dates
staff-not-a-meeting = Choose one of the offering's coming dates.
email-date_cancelled-subject = { $course }: a course day is cancelled
email-date_cancelled-body = A course day of { $course } is cancelled. The other days go ahead as planned. Cancelled:
staff-cancel-link = Cancel a date
staff-cancel-title = Cancel a date: { $title }
staff-cancel-which = Which date is cancelled?
staff-cancel-reason = Why (shown on the site and in the email)
staff-cancel-reason-hint = For example “The course leader is ill”. One line.
staff-cancel-emailed = { $count ->
    [one] The one person signed up is emailed about it.
   *[other] The { $count } people signed up are emailed about it.
}
staff-cancel-button = Cancel the date
staff-cancel-done = The date is cancelled. The site and the calendar file show it within a couple of seconds.
staff-cancel-already = Already cancelled
staff-outbox-title = Outbox
staff-outbox-retry = Try again
staff-outbox-summary = { $queued } waiting, { $failed } failed.
staff-outbox-queued-at = Queued
staff-outbox-kind = Email
staff-outbox-to = To
staff-outbox-finished-at = Finished
staff-outbox-error = Error
staff-email-confirm_request = Confirm sign-up
staff-email-waiting_list = Waiting list
staff-email-confirmed = Sign-up confirmed
staff-email-promoted = Got a place
staff-email-cancelled = Cancelled
staff-email-already_signed_up = Already signed up
staff-email-reminder = Reminder
staff-email-course_full = Course full
staff-email-sign_up_received = Sign-up sent to participant
staff-email-sign_in_code = Sign-in code
staff-email-date_cancelled = Course day cancelled
staff-outbox-pending = Waiting
staff-outbox-sending = Sending
staff-outbox-sent = Sent
staff-outbox-failed = Failed
staff-outbox-discarded = Dropped
staff-audit-title = Log of changes
staff-audit-detail = Before and after
staff-audit-system = The system
staff-audit-when = When
staff-audit-who = Who
staff-audit-what = What
staff-audit-about = About
staff-audit-signed_in = Signed in
staff-audit-signed_out = Signed out
staff-audit-signed_out_everywhere = Signed out everywhere
staff-audit-account_created = Account created
staff-audit-role_changed = Role changed
staff-audit-participants_viewed = Viewed the participant list
staff-audit-participants_exported = Downloaded the participant list
staff-audit-sign_up_cancelled = Cancelled a participant
staff-audit-sign_up_promoted = Gave a place from the waiting list
staff-audit-phone_sign_up_added = Added someone who phoned
staff-audit-status_changed = Changed status
staff-audit-offering_created = Created an offering
staff-audit-offering_edited = Edited an offering
staff-audit-date_cancelled = Cancelled a date
staff-audit-email_retried = Sent an email again
staff-view-stale = Due for confirmation ({ $count })
staff-confirm = It is still right
staff-confirmed-on = Last confirmed { $date }
offering-confirmed-on = Last confirmed by the organiser { $date }.
email-stale_reminder-subject = Is “{ $offering }” still right?
email-stale_reminder-body = “{ $offering }” was last confirmed { $since }. Old details send people on wasted trips. Look over the times, place and contact, and confirm or update the offering.
email-stale_reminder-link = Look over the offering
staff-audit-offering_confirmed = Confirmed the offering is right
staff-email-stale_reminder = Reminder to confirm
staff-accounts-title = Accounts
staff-account-role = Role
staff-account-organisations = Organisations
staff-account-organisations-hint = A coordinator can only work on the offerings of the organisations ticked.
staff-account-stopped = cannot sign in
staff-account-active = Can sign in
staff-account-new = New account
staff-account-add = Add account
staff-account-exists-title = The account exists
staff-account-exists = There is an account for this address already.
staff-account-self-title = Not your own
staff-account-self = You cannot take the administrator role from yourself or stop your own account. Ask another administrator.

# Passwords (optional, besides the emailed code)
staff-password-link = Password
staff-password-sign-in = Sign in with a password
staff-password-label = Password
staff-password-title = Password
staff-password-has = You have a password. You can always sign in with an emailed code too.
staff-password-none = You sign in with an emailed code. If you would rather use a password, you can make one here. It is up to you.
staff-password-new = New password
staff-password-hint = At least { $min } characters. A few words in a row are easy to remember and hard to guess.
staff-password-repeat = Type the password again
staff-password-save = Save the password
staff-password-remove-heading = Remove the password
staff-password-remove-intro = You will then sign in with an emailed code, as before.
staff-password-remove = Remove the password
staff-password-invalid-title = Could not sign in
staff-password-invalid = Wrong email address or password. After many wrong tries, passwords do not work for a quarter of an hour; sign in with an emailed code instead.
staff-password-short-title = Password too short
staff-password-short = The password must have at least 12 characters and cannot be your email address.
staff-password-long-title = Password too long
staff-password-long = The password can have at most 128 characters.
staff-password-differ-title = The passwords differ
staff-password-differ = You typed two different passwords. Type the same password in both fields.
staff-audit-password_set = Added or changed a password
staff-audit-password_removed = Removed a password

# Preview
staff-preview = Preview
staff-preview-link = Preview the page as the public will see it
staff-preview-banner = Preview: this is how the page looks to the public.
staff-preview-state = Current status: { $status }.
staff-preview-back = Back to the form

# Message to participants
staff-message-title = Send a message to the participants
staff-message-label = Message
staff-message-hint = Emailed to everyone with a place, and to whoever signed them up. Do not write about health or other personal matters.
staff-message-waiting-list = Send it to the waiting list too
staff-message-send = Send the message
staff-message-sent = The message goes to { $count } participants.
staff-message-not-sent = { $count } have not confirmed an email address or were signed up by phone: call them.
staff-message-missing = Write the message before you send it.
staff-message-long = The message can have at most 2000 characters.
staff-audit-course_message_sent = Sent a message to the participants
staff-email-course_message = Message from the organiser
email-course_message-subject = { $course }: a message from the organiser
email-course_message-body = The organiser of { $course } has sent this message to everyone signed up:

# Organisations
staff-organisations-title = Organisations
staff-organisation-new = New organisation
staff-organisation-add = Add the organisation
staff-organisation-name-label = Name
staff-organisation-kind-label = Kind of organisation
staff-organisation-kind-municipal_unit = Municipal unit
staff-organisation-kind-volunteer_centre = Volunteer centre
staff-organisation-kind-association = Club or association
staff-organisation-website-label = Website (optional)
staff-organisation-direct = May publish without an editor's approval
staff-organisation-offerings = { $count ->
    [one] one offering
   *[other] { $count } offerings
}
staff-organisation-name = Type the organisation's name, at most 120 characters.
staff-organisation-kind = Choose the kind of organisation.
staff-organisation-website = The website must be an address starting with https:// or http://.
staff-audit-organisation_created = Added an organisation
staff-audit-organisation_changed = Changed an organisation

# Venues
staff-venues-title = Venues
staff-venues-intro = The venues checked longest ago come first. A venue is shared by every offering that meets there: a change shows on all their pages.
staff-venue-checked-on-hint = The date you checked, for example 24.11.2026. Empty means today.
staff-venue-name = Type the venue's name.
staff-venue-checked-on = Type the date the accessibility was checked, for example 24.11.2026, and not a date in the future.
staff-audit-venue_changed = Changed a venue
