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
language-in-en = English
footer-about = Treffpunkt shows activities, meeting places, volunteer centres and courses in the municipality.
footer-no-referral = Everything you find here is open to everyone, with no referral or approval needed.

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
offering-cost = Price
offering-how-to-join = How to join
offering-join-drop-in = You do not need to sign up. Just come along!
offering-join-sign-up = You need to sign up. Please get in touch with the contact person.
offering-add-to-calendar = Add to calendar
offering-print = Print
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
