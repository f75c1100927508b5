"""The vocabulary of the demo workspace: client names, people, task titles, summaries.

Sample data, not interface text: nothing here is translated. A few names are tricky on
purpose (brackets, an ampersand, an accent, an emoji, CJK) so that every pane shows user
text exactly as typed.
"""

from __future__ import annotations

from typing import Final, NamedTuple

from vatui.domain.words import MONTH_NAMES


class ClientSeed(NamedTuple):
    """What a demo client is made from."""

    name: str
    """The client's name."""
    industry: str
    """A tag, and what kind of work they ask for."""
    timezone: str
    """Their tz database zone."""
    currency: str
    """The currency they pay in."""
    domain: str
    """Their e-mail domain."""


CLIENT_SEEDS: Final[tuple[ClientSeed, ...]] = (
    # The first five are the small demo's cast; the large one keeps them.
    ClientSeed("Brightpath Coaching", "coaching", "America/New_York", "USD", "brightpathcoaching.com"),
    ClientSeed("Smith & Sons [UK]", "trade", "Europe/London", "GBP", "smithandsons.co.uk"),
    ClientSeed("Café Olé", "hospitality", "Europe/Paris", "EUR", "cafeole.fr"),
    ClientSeed("田中デザイン事務所", "design", "Asia/Tokyo", "JPY", "tanaka-design.jp"),
    ClientSeed("Koala Cove Retreats", "travel", "Australia/Sydney", "USD", "koalacove.com.au"),
    ClientSeed("Sunny Side Bakery 🥐", "food", "America/Los_Angeles", "USD", "sunnysidebakery.com"),
    ClientSeed("Harbor Realty Group", "realestate", "America/Chicago", "USD", "harborrealty.com"),
    ClientSeed("Lumen Legal LLP", "legal", "America/New_York", "USD", "lumenlegal.com"),
    ClientSeed("Greenleaf Wellness", "health", "America/Denver", "USD", "greenleafwellness.com"),
    ClientSeed("Atlas Freight Ltd", "logistics", "Europe/London", "GBP", "atlasfreight.co.uk"),
    ClientSeed("Nordlicht Consulting GmbH", "consulting", "Europe/Berlin", "EUR", "nordlicht-consulting.de"),
    ClientSeed("Pixel & Pine Studio", "design", "America/Toronto", "USD", "pixelandpine.ca"),
    ClientSeed("Maple Street Dental", "health", "America/Toronto", "USD", "maplestreetdental.ca"),
    ClientSeed("Bloom Florals", "ecommerce", "Europe/Dublin", "EUR", "bloomflorals.ie"),
    ClientSeed("Summit Peak Fitness", "fitness", "America/Denver", "USD", "summitpeakfitness.com"),
    ClientSeed("Casa Verde Interiors", "design", "Europe/Madrid", "EUR", "casaverde.es"),
    ClientSeed("Redwood Ventures", "finance", "America/Los_Angeles", "USD", "redwoodventures.vc"),
    ClientSeed("Oakridge Accounting", "finance", "Europe/London", "GBP", "oakridgeaccounting.co.uk"),
    ClientSeed("BluePeak Podcasts", "media", "America/New_York", "USD", "bluepeakpodcasts.com"),
    ClientSeed("Silver Fern Travel", "travel", "Australia/Melbourne", "USD", "silverferntravel.com.au"),
    ClientSeed("Meridian Events", "events", "Europe/London", "GBP", "meridianevents.co.uk"),
    ClientSeed("Lotus Yoga Studio", "fitness", "Asia/Singapore", "USD", "lotusyoga.sg"),
    ClientSeed("Northwind Logistics", "logistics", "America/Chicago", "USD", "northwindlogistics.com"),
    ClientSeed("Golden Hour Photography", "media", "Australia/Sydney", "USD", "goldenhourphoto.com.au"),
    ClientSeed("Ironclad Security", "tech", "America/New_York", "USD", "ironcladsecurity.io"),
    ClientSeed("Velvet Thread Boutique", "ecommerce", "Europe/Paris", "EUR", "velvetthread.fr"),
    ClientSeed("Clearwater Therapy", "health", "America/Los_Angeles", "USD", "clearwatertherapy.com"),
    ClientSeed("Beacon Marketing Co.", "marketing", "America/Chicago", "USD", "beaconmarketing.co"),
    ClientSeed("Alpine Ski Rentals", "travel", "Europe/Zurich", "EUR", "alpineskirentals.ch"),
    ClientSeed("Harvest Table Catering", "food", "Europe/Dublin", "EUR", "harvesttable.ie"),
    ClientSeed("Quill & Ink Publishing", "media", "Europe/London", "GBP", "quillandink.co.uk"),
    ClientSeed("Evergreen Home Care", "health", "America/New_York", "USD", "evergreenhomecare.com"),
    ClientSeed("Brightwave Solar", "tech", "Asia/Dubai", "USD", "brightwavesolar.ae"),
    ClientSeed("Cobalt Data Labs", "tech", "America/Los_Angeles", "USD", "cobaltdata.io"),
    ClientSeed("Willow Creek Vineyards", "food", "Australia/Adelaide", "USD", "willowcreekwines.com.au"),
    ClientSeed("Riverbend Law Office", "legal", "America/Chicago", "USD", "riverbendlaw.com"),
    ClientSeed("Starling Digital", "marketing", "Europe/Amsterdam", "EUR", "starlingdigital.nl"),
    ClientSeed("Kestrel Aviation Training", "education", "Europe/London", "GBP", "kestrelaviation.co.uk"),
    ClientSeed("Moonrise Candle Co.", "ecommerce", "America/Denver", "USD", "moonrisecandles.com"),
    ClientSeed("Tidewater Yacht Charters", "travel", "America/New_York", "USD", "tidewatercharters.com"),
)
"""Forty believable clients of a freelance VA."""

EXTRA_FIRST: Final = (
    "Apex",
    "Birch",
    "Coral",
    "Delta",
    "Ember",
    "Falcon",
    "Granite",
    "Hazel",
    "Indigo",
    "Juniper",
    "Kite",
    "Linden",
)
EXTRA_SECOND: Final = ("Coaching", "Studio", "Realty", "Consulting", "Partners", "Labs", "Media", "Travel")
EXTRA_ZONES: Final = (
    "America/New_York",
    "Europe/London",
    "Europe/Berlin",
    "America/Los_Angeles",
    "Australia/Sydney",
    "Asia/Singapore",
    "Europe/Paris",
    "America/Chicago",
)
"""Names and zones for clients past the fortieth (``--size 60``)."""

REGION_OF_ZONE: Final[dict[str, str]] = {
    "Europe/London": "uk",
    "Europe/Dublin": "uk",
    "Europe/Paris": "fr",
    "Europe/Berlin": "de",
    "Europe/Zurich": "de",
    "Europe/Amsterdam": "de",
    "Europe/Madrid": "es",
    "Asia/Tokyo": "jp",
    "Asia/Singapore": "sg",
    "Asia/Dubai": "ae",
}
"""Where names and phone numbers come from; ``America/*`` is ``us``, ``Australia/*`` is ``au``."""

FIRST_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "us": ("Sarah", "Michael", "Jessica", "David", "Emily", "James", "Ashley", "Daniel", "Megan", "Chris"),
    "uk": ("Oliver", "Amelia", "Harry", "Isla", "George", "Poppy", "Charlotte", "Alfie"),
    "fr": ("Camille", "Louis", "Chloé", "Hugo", "Léa", "Jules", "Inès", "Théo"),
    "de": ("Jonas", "Lena", "Felix", "Hannah", "Lukas", "Mia", "Anouk", "Daan"),
    "es": ("Lucía", "Javier", "Carmen", "Pablo", "Marta", "Álvaro"),
    "jp": ("Yuki", "Haruto", "Sakura", "Ren", "Aoi", "Kenji"),
    "sg": ("Wei Ling", "Arjun", "Mei", "Ravi", "Hui Min", "Darren"),
    "ae": ("Omar", "Layla", "Yusuf", "Noor", "Hassan", "Mariam"),
    "au": ("Chloe", "Jack", "Olivia", "Noah", "Mia", "Lachlan", "Ruby", "Cooper"),
}
LAST_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "us": ("Miller", "Johnson", "Davis", "Garcia", "Wilson", "Martinez", "Anderson", "Taylor", "Brooks"),
    "uk": ("Smith", "Jones", "Taylor", "Brown", "Evans", "Wright", "Hughes", "O'Connor"),
    "fr": ("Durand", "Lefèvre", "Moreau", "Girard", "Rousseau", "Mercier", "Dubois"),
    "de": ("Weber", "Schmidt", "Fischer", "Becker", "Wagner", "de Vries", "Jansen"),
    "es": ("García", "Fernández", "López", "Martín", "Ruiz"),
    "jp": ("Tanaka", "Sato", "Suzuki", "Takahashi", "Watanabe"),
    "sg": ("Tan", "Lim", "Nair", "Ong", "Goh"),
    "ae": ("Haddad", "Khan", "Farouk", "Rahman", "Aziz"),
    "au": ("Wilson", "Smith", "Nguyen", "Brown", "Kelly", "Murphy"),
}
PHONE_FORMATS: Final[dict[str, str]] = {
    "us": "+1 555 01{n:02d}",
    "uk": "+44 7700 900{n:03d}",
    "fr": "+33 6 12 34 {n:02d} 00",
    "de": "+49 151 2345 {n:04d}",
    "es": "+34 600 {n:03d} 000",
    "jp": "+81 90-1234-{n:04d}",
    "sg": "+65 8123 {n:04d}",
    "ae": "+971 50 123 {n:04d}",
    "au": "+61 491 570 {n:03d}",
}
"""Numbers from ranges reserved for fiction where one exists."""

ROLES: Final = (
    "Owner",
    "Founder & CEO",
    "Office manager",
    "Billing",
    "Marketing lead",
    "Executive assistant",
    "Operations",
)

TASKS: Final[tuple[tuple[str, tuple[str, ...], int], ...]] = (
    ("Draft {month} newsletter", ("email", "content"), 120),
    ("Schedule {n} LinkedIn posts", ("social",), 60),
    ("Book flights to {city}", ("travel",), 45),
    ("Book hotel in {city} for {person}", ("travel",), 30),
    ("Reconcile {month} receipts", ("finance",), 90),
    ("Update CRM with new leads", ("crm",), 60),
    ("Prepare agenda for the {event}", ("calendar",), 45),
    ("Research venues for the {event}", ("research", "events"), 120),
    ("Transcribe podcast episode {n}", ("content",), 90),
    ("Clean up shared Google Drive", ("admin",), 60),
    ("Follow up with {person} about the contract", ("email",), 15),
    ("Set up Calendly for {person}", ("calendar",), 30),
    ("Order office supplies", ("admin",), 20),
    ("Proofread blog post: {topic}", ("content",), 45),
    ("Compile expense report for {month}", ("finance",), 60),
    ("Onboard new hire: accounts and logins", ("admin",), 90),
    ("Plan {event} logistics", ("events",), 150),
    ("Answer customer emails (backlog)", ("support", "email"), 90),
    ("Create Canva templates for {topic}", ("content", "social"), 120),
    ("Update website FAQ", ("content",), 45),
    ("Process returns and refunds", ("support",), 60),
    ("Prepare weekly KPI sheet", ("finance",), 45),
    ("Inbox zero for {person}", ("email",), 60),
    ("Find three quotes for {topic}", ("research",), 60),
    ("Draft proposal for {topic}", ("content",), 120),
    ("Chase unsigned NDAs", ("admin",), 20),
    ("Schedule interviews for the {topic} role", ("calendar",), 45),
    ("Write show notes for episode {n}", ("content",), 60),
    ("Update price list in the shop", ("admin",), 30),
    ("Renew domain and hosting", ("admin",), 15),
    ("Set up auto-replies for the holidays", ("email",), 20),
    ("Design {month} promo banner", ("content", "social"), 90),
    ("Research competitors' {topic} offers", ("research",), 120),
    ("Send thank-you cards to top customers", ("admin",), 45),
    ("Migrate contacts to the new CRM", ("crm",), 180),
    ("Prepare slides for the {event}", ("content",), 120),
    ("Collect testimonials from {n} clients", ("email", "content"), 60),
    ("Review {month} social media analytics", ("social",), 45),
    ("Coordinate repair visit with the landlord", ("admin",), 30),
    ("Rebook cancelled meeting with {person}", ("calendar",), 15),
)
"""Task templates: title, tags, typical estimate in minutes."""

CITIES: Final = (
    "Lisbon",
    "Chicago",
    "Berlin",
    "Tokyo",
    "Austin",
    "Dublin",
    "Melbourne",
    "Barcelona",
    "Toronto",
    "Singapore",
)
EVENTS: Final = (
    "team offsite",
    "product launch",
    "charity gala",
    "board meeting",
    "spring workshop",
    "client webinar",
    "trade fair",
    "summer party",
)
TOPICS: Final = (
    "email marketing",
    "the new logo",
    "bookkeeping software",
    "office chairs",
    "video editing",
    "the loyalty programme",
    "customer onboarding",
    "photography",
    "event catering",
    "the referral scheme",
)
MONTHS: Final = MONTH_NAMES
"""Month names of the sample data (English: the sample is data, not interface)."""

ROUTINE_NOTES: Final = (
    "Inbox triage",
    "Calendar updates",
    "Messages and quick replies",
    "Scheduling",
    "Quick admin",
)
"""Notes of the short daily entries logged against a client without a task."""

WORK_NOTES: Final = (
    "",
    "",
    "",
    "first draft",
    "research",
    "revisions after feedback",
    "call prep",
    "final checks",
    "emails",
)

CONTACT_IN: Final = (
    "Asked to move Thursday's call",
    "Sent new logins for the shop",
    "Approved the newsletter draft",
    "Question about the last invoice",
    "Asked for travel options to {city}",
    "Shared feedback on the slides",
    "Requested an urgent change to the website",
    "Confirmed the budget for the {event}",
    "Sent the signed contract",
    "Asked for a weekly summary",
    "Forwarded supplier quotes",
    "Wants to add a task for next week",
)
CONTACT_OUT: Final = (
    "Weekly status report sent",
    "Shared draft of {topic} for review",
    "Confirmed meeting with {person}",
    "Asked for feedback on the proposal",
    "Sent options for the {event}",
    "Checked in on open questions",
    "Sent the monthly summary",
    "Asked for access to the calendar",
    "Proposed new posting schedule",
    "Reminded them about pending approvals",
)

NOTES_PLAIN: Final = (
    "Prefers voice notes over long emails.",
    "Invoices to the billing contact, cc the owner.",
    "Busiest before the holidays: plan extra hours in December.",
    "Likes a short summary every Friday afternoon.",
    "Do not book meetings before 10:00 their time.",
    "Uses Asana internally; mirror urgent tasks there.",
    "Brand colours and fonts are in the shared Drive, folder 'Brand'.",
)
NOTES_CONFIDENTIAL: Final = (
    "Shop admin login is in the shared 1Password vault; never send it by email.",
    "Office door code: 4471#.",
    "Owner's personal mobile, emergencies only: see the contract annex.",
    "Planning to sell the business next year; do not mention to staff.",
    "Salary bands for the new hire are in the HR folder; do not forward.",
    "Bank account change pending: confirm by phone before paying any supplier.",
)

SUBSCRIPTIONS: Final[tuple[tuple[str, str, int, str, str], ...]] = (
    ("Google Workspace", "software", 1440, "USD", "monthly"),
    ("Canva Pro", "software", 1499, "USD", "monthly"),
    ("Notion Plus", "software", 1200, "USD", "monthly"),
    ("Zoom Pro", "software", 1599, "USD", "monthly"),
    ("1Password Teams", "software", 799, "USD", "monthly"),
    ("Calendly Standard", "software", 1200, "USD", "monthly"),
    ("Digi fibre internet", "internet", 3500, "EUR", "monthly"),
    ("Mobile phone plan", "internet", 2000, "EUR", "monthly"),
    ("Coworking hot desk, Madrid", "workspace", 16000, "EUR", "monthly"),
    ("Domain and hosting", "marketing", 9600, "USD", "yearly"),
    ("Professional liability insurance", "fees", 24000, "EUR", "yearly"),
)
"""Recurring expenses: vendor, category, amount in minor units, currency, recurrence."""

ONE_OFF_EXPENSES: Final[tuple[tuple[str, str, int, int, str, str], ...]] = (
    ("Logitech", "equipment", 4000, 12000, "USD", "Headset"),
    ("Dell", "equipment", 18000, 32000, "USD", "Second monitor"),
    ("IKEA", "equipment", 8000, 25000, "EUR", "Desk and lamp"),
    ("Udemy", "training", 1500, 8000, "USD", "Course: advanced Excel"),
    ("VA Academy", "training", 19000, 49000, "USD", "Online business manager course"),
    ("LinkedIn", "marketing", 3000, 12000, "USD", "Sponsored post"),
    ("Moo", "marketing", 2500, 6000, "EUR", "Business cards"),
    ("Gestoría López", "fees", 9000, 15000, "EUR", "Quarterly tax filing"),
    ("Correos", "other", 500, 2500, "EUR", "Courier"),
    ("Amazon", "other", 1500, 6000, "USD", "Office supplies"),
)
"""One-off expenses: vendor, category, amount range (minor units), currency, note."""

PAYMENT_METHODS: Final[dict[str, tuple[str, ...]]] = {
    "USD": ("ACH transfer", "Stripe", "PayPal", "Wise"),
    "EUR": ("SEPA transfer", "Wise", "PayPal"),
    "GBP": ("BACS transfer", "Wise"),
    "JPY": ("Wise",),
}
