//! The vocabulary synthetic cases are written from: states, people,
//! places, topics and the phrases that make their prose read like the
//! real case. Invented, but for a few public figures' names.

/// A state, in the forms the prose needs.
pub(super) struct Country {
    /// As an actor's `country` field gives it.
    pub(super) label: &'static str,
    /// In a sentence: "the United States".
    pub(super) name: &'static str,
    /// In a headline: "US".
    pub(super) short: &'static str,
    /// Possessive: "the United States'".
    pub(super) poss: &'static str,
}

pub(super) const PAKISTAN: usize = 0;
pub(super) const RUSSIA: usize = 1;
/// The third states the two watch: the US, China and India.
pub(super) const OTHERS: [usize; 3] = [2, 3, 4];

#[rustfmt::skip]
pub(super) const COUNTRIES: [Country; 12] = [
    Country { label: "Pakistan", name: "Pakistan", short: "Pakistan", poss: "Pakistan's" },
    Country { label: "Russia", name: "Russia", short: "Russia", poss: "Russia's" },
    Country { label: "United States", name: "the United States", short: "US", poss: "the United States'" },
    Country { label: "China", name: "China", short: "China", poss: "China's" },
    Country { label: "India", name: "India", short: "India", poss: "India's" },
    Country { label: "Afghanistan", name: "Afghanistan", short: "Afghanistan", poss: "Afghanistan's" },
    Country { label: "Iran", name: "Iran", short: "Iran", poss: "Iran's" },
    Country { label: "Kazakhstan", name: "Kazakhstan", short: "Kazakhstan", poss: "Kazakhstan's" },
    Country { label: "Uzbekistan", name: "Uzbekistan", short: "Uzbekistan", poss: "Uzbekistan's" },
    Country { label: "Turkey", name: "Turkey", short: "Turkey", poss: "Turkey's" },
    Country { label: "Serbia", name: "Serbia", short: "Serbia", poss: "Serbia's" },
    Country { label: "France", name: "France", short: "France", poss: "France's" },
];

/// A person, and the years in which events may name them.
pub(super) struct Actor {
    pub(super) id: &'static str,
    pub(super) name: &'static str,
    /// As a headline names them: "Kayani".
    pub(super) short: &'static str,
    pub(super) country: usize,
    pub(super) role: &'static str,
    pub(super) from: i32,
    pub(super) to: i32,
}

/// Real public figures (roles and years approximate) first, then invented
/// officials who keep every year of the period populated.
#[rustfmt::skip]
pub(super) const ACTORS: [Actor; 43] = [
    Actor { id: "putin", name: "Vladimir Putin", short: "Putin", country: RUSSIA, role: "President", from: 1999, to: 2023 },
    Actor { id: "musharraf", name: "Pervez Musharraf", short: "Musharraf", country: PAKISTAN, role: "Army chief, then president", from: 1998, to: 2008 },
    Actor { id: "kayani", name: "Ashfaq Parvez Kayani", short: "Kayani", country: PAKISTAN, role: "Chief of the Army Staff", from: 2007, to: 2013 },
    Actor { id: "nawaz-sharif", name: "Nawaz Sharif", short: "Sharif", country: PAKISTAN, role: "Prime minister", from: 1990, to: 2017 },
    Actor { id: "lavrov", name: "Sergey Lavrov", short: "Lavrov", country: RUSSIA, role: "Foreign minister", from: 2004, to: 2023 },
    Actor { id: "primakov", name: "Yevgeny Primakov", short: "Primakov", country: RUSSIA, role: "Foreign minister", from: 1990, to: 1999 },
    Actor { id: "sartaj-aziz", name: "Sartaj Aziz", short: "Aziz", country: PAKISTAN, role: "Foreign minister", from: 1990, to: 2017 },
    Actor { id: "medvedev", name: "Dmitry Medvedev", short: "Medvedev", country: RUSSIA, role: "President", from: 2008, to: 2012 },
    Actor { id: "zardari", name: "Asif Ali Zardari", short: "Zardari", country: PAKISTAN, role: "President", from: 2008, to: 2013 },
    Actor { id: "imran-khan", name: "Imran Khan", short: "Imran Khan", country: PAKISTAN, role: "Prime minister", from: 2018, to: 2022 },
    Actor { id: "qureshi", name: "Shah Mehmood Qureshi", short: "Qureshi", country: PAKISTAN, role: "Foreign minister", from: 2008, to: 2022 },
    Actor { id: "bajwa", name: "Qamar Javed Bajwa", short: "Bajwa", country: PAKISTAN, role: "Chief of the Army Staff", from: 2016, to: 2022 },
    Actor { id: "raheel-sharif", name: "Raheel Sharif", short: "Raheel Sharif", country: PAKISTAN, role: "Chief of the Army Staff", from: 2013, to: 2016 },
    Actor { id: "khar", name: "Hina Rabbani Khar", short: "Khar", country: PAKISTAN, role: "Foreign minister", from: 2011, to: 2023 },
    Actor { id: "shoigu", name: "Sergei Shoigu", short: "Shoigu", country: RUSSIA, role: "Defence minister", from: 2012, to: 2023 },
    Actor { id: "yeltsin", name: "Boris Yeltsin", short: "Yeltsin", country: RUSSIA, role: "President", from: 1991, to: 1999 },
    Actor { id: "xi", name: "Xi Jinping", short: "Xi", country: 3, role: "President", from: 2013, to: 2023 },
    Actor { id: "modi", name: "Narendra Modi", short: "Modi", country: 4, role: "Prime minister", from: 2014, to: 2023 },
    Actor { id: "karzai", name: "Hamid Karzai", short: "Karzai", country: 5, role: "President", from: 2001, to: 2014 },
    // Invented from here on.
    Actor { id: "irina-volkova", name: "Irina Volkova", short: "Volkova", country: RUSSIA, role: "Deputy energy minister", from: 1998, to: 2023 },
    Actor { id: "aleksei-morozov", name: "Aleksei Morozov", short: "Morozov", country: RUSSIA, role: "Ambassador to Pakistan", from: 1998, to: 2023 },
    Actor { id: "nikolai-orlov", name: "Nikolai Orlov", short: "Orlov", country: RUSSIA, role: "Deputy head of the defence export agency", from: 1998, to: 2023 },
    Actor { id: "svetlana-belova", name: "Svetlana Belova", short: "Belova", country: RUSSIA, role: "Trade representative", from: 1998, to: 2023 },
    Actor { id: "dmitri-sokolov", name: "Dmitri Sokolov", short: "Sokolov", country: RUSSIA, role: "Deputy foreign minister", from: 1998, to: 2023 },
    Actor { id: "olga-ivanova", name: "Olga Ivanova", short: "Ivanova", country: RUSSIA, role: "Chief executive of a state gas company", from: 1998, to: 2023 },
    Actor { id: "nadia-baig", name: "Nadia Baig", short: "Baig", country: PAKISTAN, role: "Commerce secretary", from: 1998, to: 2023 },
    Actor { id: "tariq-mehmood", name: "Tariq Mehmood", short: "Mehmood", country: PAKISTAN, role: "Petroleum minister", from: 1998, to: 2023 },
    Actor { id: "farah-siddiqui", name: "Farah Siddiqui", short: "Siddiqui", country: PAKISTAN, role: "Ambassador to Russia", from: 1998, to: 2023 },
    Actor { id: "usman-cheema", name: "Usman Cheema", short: "Cheema", country: PAKISTAN, role: "Defence secretary", from: 1998, to: 2023 },
    Actor { id: "ayesha-durrani", name: "Ayesha Durrani", short: "Durrani", country: PAKISTAN, role: "Finance adviser", from: 1998, to: 2023 },
    Actor { id: "kamran-malik", name: "Kamran Malik", short: "Malik", country: PAKISTAN, role: "Interior secretary", from: 1998, to: 2023 },
    Actor { id: "zhang-wei", name: "Zhang Wei", short: "Zhang", country: 3, role: "Special envoy for Afghanistan", from: 1998, to: 2023 },
    Actor { id: "chen-lin", name: "Chen Lin", short: "Chen", country: 3, role: "Vice-minister of commerce", from: 1998, to: 2023 },
    Actor { id: "ananya-rao", name: "Ananya Rao", short: "Rao", country: 4, role: "Foreign secretary", from: 1998, to: 2023 },
    Actor { id: "vikram-mehta", name: "Vikram Mehta", short: "Mehta", country: 4, role: "National security adviser", from: 1998, to: 2023 },
    Actor { id: "sarah-whitfield", name: "Sarah Whitfield", short: "Whitfield", country: 2, role: "Special representative for South Asia", from: 1998, to: 2023 },
    Actor { id: "daniel-harper", name: "Daniel Harper", short: "Harper", country: 2, role: "Deputy secretary of state", from: 1998, to: 2023 },
    Actor { id: "jalil-rahimi", name: "Jalil Rahimi", short: "Rahimi", country: 5, role: "Foreign minister", from: 1998, to: 2023 },
    Actor { id: "reza-karimi", name: "Reza Karimi", short: "Karimi", country: 6, role: "Oil minister", from: 1998, to: 2023 },
    Actor { id: "aigerim-nurlanova", name: "Aigerim Nurlanova", short: "Nurlanova", country: 7, role: "SCO deputy secretary-general", from: 1998, to: 2023 },
    Actor { id: "rustam-nazarov", name: "Rustam Nazarov", short: "Nazarov", country: 8, role: "Transport minister", from: 1998, to: 2023 },
    Actor { id: "mehmet-yildiz", name: "Mehmet Yıldız", short: "Yıldız", country: 9, role: "Deputy foreign minister", from: 1998, to: 2023 },
    Actor { id: "dusan-petrovic", name: "Dušan Petrović", short: "Petrović", country: 10, role: "Special envoy", from: 1998, to: 2023 },
];

/// A place, its country, and (for some) its name in the local script, used
/// in a small fraction of summaries so that the text is not all ASCII.
pub(super) struct Place {
    pub(super) name: &'static str,
    pub(super) country: usize,
    pub(super) native: &'static str,
}

#[rustfmt::skip]
pub(super) const PLACES: [Place; 24] = [
    Place { name: "Moscow", country: RUSSIA, native: "Москва" },
    Place { name: "St Petersburg", country: RUSSIA, native: "Санкт-Петербург" },
    Place { name: "Sochi", country: RUSSIA, native: "Сочи" },
    Place { name: "Kazan", country: RUSSIA, native: "Казань" },
    Place { name: "Vladivostok", country: RUSSIA, native: "Владивосток" },
    Place { name: "Yekaterinburg", country: RUSSIA, native: "Екатеринбург" },
    Place { name: "Ufa", country: RUSSIA, native: "" },
    Place { name: "Islamabad", country: PAKISTAN, native: "اسلام آباد" },
    Place { name: "Rawalpindi", country: PAKISTAN, native: "" },
    Place { name: "Karachi", country: PAKISTAN, native: "کراچی" },
    Place { name: "Lahore", country: PAKISTAN, native: "لاہور" },
    Place { name: "Gwadar", country: PAKISTAN, native: "" },
    Place { name: "Peshawar", country: PAKISTAN, native: "" },
    Place { name: "Beijing", country: 3, native: "北京" },
    Place { name: "New Delhi", country: 4, native: "" },
    Place { name: "Washington", country: 2, native: "" },
    Place { name: "Kabul", country: 5, native: "" },
    Place { name: "Tehran", country: 6, native: "تهران" },
    Place { name: "Astana", country: 7, native: "" },
    Place { name: "Tashkent", country: 8, native: "Toshkent" },
    Place { name: "Samarkand", country: 8, native: "" },
    Place { name: "Ankara", country: 9, native: "" },
    Place { name: "Belgrade", country: 10, native: "Beograd" },
    Place { name: "Geneva", country: 11, native: "Genève" },
];

/// A topic: its theme tag and the things an event about it concerns. `weight` is its
/// share of events, out of the themes' total. Objects are singular nouns, so
/// that "the … was signed" reads right.
pub(super) struct Topic {
    /// The tag, as an event's `themes` lists it.
    pub(super) name: &'static str,
    /// Before a noun: "economic ties".
    pub(super) adj: &'static str,
    /// After a preposition: "on the economy".
    pub(super) topic: &'static str,
    pub(super) weight: usize,
    pub(super) objects: &'static [&'static str],
}

pub(super) const TOPICS: [Topic; 8] = [
    Topic {
        name: "energy",
        adj: "energy",
        topic: "energy",
        weight: 16,
        objects: &[
            "gas pipeline agreement",
            "LNG supply deal",
            "oil refinery project",
            "power plant upgrade",
            "North–South gas pipeline",
            "hydropower survey",
            "nuclear power dialogue",
            "energy corridor plan",
            "offshore exploration licence",
        ],
    },
    Topic {
        name: "defence",
        adj: "defence",
        topic: "defence",
        weight: 16,
        objects: &[
            "Mi-35 helicopter deal",
            "defence cooperation agreement",
            "joint military exercise",
            "officer training exchange",
            "air defence review",
            "naval port call",
            "arms sales protocol",
            "counter-terrorism drill",
            "military-technical commission",
            "RD-93 engine contract",
        ],
    },
    Topic {
        name: "trade",
        adj: "trade",
        topic: "trade",
        weight: 15,
        objects: &[
            "trade target",
            "barter arrangement",
            "customs protocol",
            "wheat supply deal",
            "textile export quota",
            "free trade study",
            "payment mechanism",
            "rail freight corridor",
            "citrus export deal",
        ],
    },
    Topic {
        name: "terrorism",
        adj: "counter-terrorism",
        topic: "terrorism",
        weight: 10,
        objects: &[
            "counter-narcotics pact",
            "intelligence-sharing accord",
            "working group on terrorism",
            "extremism watch list",
            "anti-terror hotline",
        ],
    },
    Topic {
        name: "diplomacy",
        adj: "diplomatic",
        topic: "diplomacy",
        weight: 17,
        objects: &[
            "state visit",
            "strategic dialogue",
            "foreign office dialogue",
            "visa facilitation deal",
            "cultural exchange year",
            "parliamentary friendship group",
            "joint statement",
        ],
    },
    Topic {
        name: "multilateral",
        adj: "multilateral",
        topic: "multilateral forums",
        weight: 10,
        objects: &[
            "SCO observer status",
            "SCO membership bid",
            "Moscow format meeting",
            "Heart of Asia conference",
            "BRICS outreach meeting",
            "UN vote coordination",
            "quadrilateral group on Afghanistan",
        ],
    },
    Topic {
        name: "economy",
        adj: "economic",
        topic: "the economy",
        weight: 9,
        objects: &[
            "investment forum",
            "intergovernmental commission",
            "debt settlement",
            "banking link",
            "steel mill revival",
            "agricultural credit line",
            "industrial zone project",
        ],
    },
    Topic {
        name: "security",
        adj: "security",
        topic: "security",
        weight: 7,
        objects: &[
            "Afghan peace process",
            "regional security dialogue",
            "nuclear security dialogue",
            "border stability mechanism",
            "strategic stability dialogue",
        ],
    },
];

/// Verbs as a headline (`signs`) and as a sentence in the past (`signed`).
pub(super) const VERBS: [(&str, &str); 12] = [
    ("proposes", "proposed"),
    ("signs", "signed"),
    ("approves", "approved"),
    ("announces", "announced"),
    ("backs", "backed"),
    ("suspends", "suspended"),
    ("revives", "revived"),
    ("delays", "delayed"),
    ("welcomes", "welcomed"),
    ("reviews", "reviewed"),
    ("finalises", "finalised"),
    ("rejects", "rejected"),
];

pub(super) const OBSTACLES: [&str; 8] = [
    "pricing",
    "financing",
    "Western sanctions",
    "security guarantees",
    "the route",
    "technology-transfer terms",
    "payment channels",
    "insurance for shipping",
];

/// What an individual-level factor is about a leader.
pub(super) const TRAITS: [&str; 10] = [
    "pragmatism",
    "distrust of the West",
    "vision of a multipolar world",
    "military outlook",
    "interest in energy deals",
    "personal diplomacy",
    "wariness of India",
    "need for legitimacy abroad",
    "reformist agenda",
    "taste for bold gestures",
];

/// What a domestic-level factor is about a state.
pub(super) const NEEDS: [&str; 14] = [
    "energy crisis",
    "need to modernise the military",
    "fiscal squeeze",
    "export lobby",
    "coalition politics",
    "civil–military balance",
    "defence industry's search for buyers",
    "wheat surplus",
    "investment drive",
    "power shortages",
    "search for new markets",
    "domestic security threats",
    "public mood towards the West",
    "bureaucratic inertia",
];

/// Systemic-level factors: a name and how it works.
pub(super) const SYSTEMIC: [(&str, &str); 14] = [
    (
        "The war on terror",
        "After 9/11 Pakistan became a key US ally in a war Russia broadly supported.",
    ),
    (
        "Regional institutions (SCO)",
        "The Shanghai Cooperation Organization gives both states a forum for security coordination.",
    ),
    (
        "US–Pakistan estrangement",
        "Cooling ties with Washington push Islamabad to hedge with other powers.",
    ),
    (
        "India–Russia defence ties",
        "Moscow's long arms relationship with New Delhi limits how far it can court Islamabad.",
    ),
    (
        "China's Belt and Road",
        "Chinese infrastructure spending reshapes the region's trade routes and partners.",
    ),
    (
        "Western sanctions on Russia",
        "Sanctions after 2014 send Moscow looking for buyers and partners in Asia.",
    ),
    (
        "Instability in Afghanistan",
        "Both states fear spill-over of militancy and narcotics from Afghanistan.",
    ),
    (
        "A multipolar order",
        "The decline of a single dominant power widens the room for new alignments.",
    ),
    (
        "The US–India partnership",
        "Washington's embrace of New Delhi nudges Moscow to diversify in South Asia.",
    ),
    (
        "Great-power rivalry in Central Asia",
        "Competition for influence in Central Asia makes Pakistan a useful link.",
    ),
    (
        "Non-proliferation norms",
        "Pakistan's nuclear status keeps some forms of cooperation off the table.",
    ),
    (
        "NATO's withdrawal from Afghanistan",
        "The drawdown leaves regional states to manage Afghan security themselves.",
    ),
    (
        "The Russia–China entente",
        "Closer Russia–China ties let Beijing's partner Pakistan draw nearer to Moscow.",
    ),
    (
        "Shifts in energy markets",
        "New gas and oil flows change what each state can offer the other.",
    ),
];

/// Event quotes. A few carry double quotes or another script, to exercise
/// escaping and the loader's handling of non-ASCII text.
pub(super) const QUOTES: [&str; 12] = [
    "We are opening a new page in our relations.",
    "Russia is a global force, and the world is multipolar.",
    "Our cooperation is not directed against any third country.",
    "Energy is the backbone of this partnership.",
    "We will not let the past decide our future.",
    "The so-called \"pivot to the East\" is not a slogan; it is policy.",
    "Trust is built one contract at a time.",
    "We have more in common than our histories suggest.",
    "This is a partnership of equals.",
    "Geography makes us neighbours in all but name.",
    "Мы открываем новую страницу в наших отношениях.",
    "دوستی کا نیا باب",
];

/// Factor quotes: the work's own words.
pub(super) const FACTOR_QUOTES: [&str; 6] = [
    "no ideological hang-ups with autocracy—military or otherwise",
    "a global force",
    "the need of the hour is diversification",
    "pragmatism, not nostalgia",
    "a balancing act between old friends and new",
    "\"strategic autonomy\" in all but name",
];

/// Authors of the invented works the dataset cites.
pub(super) const AUTHORS: [&str; 30] = [
    "Clary",
    "Kaushik",
    "Khan",
    "Hussain",
    "Singh",
    "Naqvi & Masood",
    "Jalalzai",
    "Murshed",
    "Trenin",
    "Rashid",
    "Malik",
    "Stepanova",
    "Kuznetsova",
    "Ahmed",
    "Iqbal",
    "Chaudhry",
    "Sokolov",
    "Rizvi",
    "Lukin",
    "Hashmi",
    "Zaidi",
    "Javaid",
    "Petrović",
    "Wang",
    "Pant",
    "Shah",
    "Qureshi",
    "Baig & Orlova",
    "Fedorov",
    "Mahmood",
];

/// The eras: the shipped case's, extended to the end of the period.
#[rustfmt::skip]
pub(super) const ERAS: [(&str, &str, i32, i32, &str); 5] = [
    ("yeltsin-sharif", "Yeltsin and Sharif", 1998, 1999, "First high-level visits in decades; the India question is set aside for trade and energy."),
    ("putin-musharraf", "Putin and Musharraf", 1999, 2008, "After the coup, a pragmatic Kremlin mends ties; defence talks and SCO observer status follow."),
    ("deepening", "Economic and political deepening", 2008, 2013, "An army chief's visit, a trade target and a gas pipeline agreement mark a busier relationship."),
    ("pivot-east", "Pivot to the East", 2014, 2017, "Western sanctions turn Moscow towards Asia; arms sales and joint exercises begin."),
    ("engagement", "Strategic engagement", 2018, 2023, "Regular summits, energy projects and coordination on Afghanistan make the ties routine."),
];
