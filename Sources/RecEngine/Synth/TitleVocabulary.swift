/// The catalogue's base titles. When the catalogue needs more items than
/// there are titles, episodes and parts of these become items of their own
/// ("Blue Lock S1E11", "La La Land Part 4"). Some titles hold commas, quotes
/// and non-ASCII letters so CSV quoting and UTF-8 are exercised.
enum TitleVocabulary {
    enum ContentType: String, CaseIterable {
        case series, movie, anime, microdrama

        /// Typical runtime of one item, in seconds.
        var runtimeRange: ClosedRange<Int> {
            switch self {
            case .series: return 2_400...4_500
            case .movie: return 5_100...9_600
            case .anime: return 1_380...1_500
            case .microdrama: return 60...180
            }
        }

        /// How likely a title of this type is to get episodes or parts.
        var variantWeight: Double {
            switch self {
            case .series: return 4
            case .anime: return 4
            case .microdrama: return 3
            case .movie: return 1
            }
        }
    }

    struct Title {
        let name: String
        let type: ContentType
        let genre: String
    }

    static let genres = [
        "romance", "drama", "action", "thriller", "comedy", "family",
        "horror", "anime", "fantasy", "documentary",
    ]

    private static func series(_ name: String, _ genre: String) -> Title { Title(name: name, type: .series, genre: genre) }
    private static func movie(_ name: String, _ genre: String) -> Title { Title(name: name, type: .movie, genre: genre) }
    private static func anime(_ name: String, _ genre: String) -> Title { Title(name: name, type: .anime, genre: genre) }
    private static func micro(_ name: String, _ genre: String) -> Title { Title(name: name, type: .microdrama, genre: genre) }

    static let titles: [Title] = [
        series("Crash Landing on You", "romance"), series("Start-Up", "drama"),
        series("Vincenzo", "thriller"), series("Goblin", "fantasy"),
        series("Hometown Cha-Cha-Cha", "romance"), series("Itaewon Class", "drama"),
        series("Extraordinary Attorney Woo", "drama"), series("Squid Game", "thriller"),
        series("The Glory", "thriller"), series("Reply 1988", "family"),
        series("Descendants of the Sun", "romance"), series("Hospital Playlist", "drama"),
        series("Business Proposal", "romance"), series("Twenty-Five Twenty-One", "romance"),
        series("Moving", "action"), series("Kingdom", "horror"),
        series("All of Us Are Dead", "horror"), series("Sweet Home", "horror"),
        series("Queen of Tears", "romance"), series("Gadis Kretek", "drama"),
        series("Layangan Putus", "drama"), series("Mendua", "drama"),
        series("Induk Gajah", "comedy"), series("Money Heist", "thriller"),
        series("Stranger Things", "fantasy"), series("Wednesday", "comedy"),
        series("The Crown", "drama"), series("Bridgerton", "romance"),
        series("Emily in Paris", "comedy"), series("Brooklyn Nine-Nine", "comedy"),
        series("Our Planet", "documentary"), series("Planet Earth II", "documentary"),
        series("Joko Anwar's Nightmares and Daydreams", "fantasy"), series("Blue Lock", "anime"),
        series("Alchemy of Souls", "fantasy"), series("My Mister", "drama"),
        series("Physical: 100", "documentary"), series("Street Food: Asia", "documentary"),
        series("Kisah Untuk Geri", "romance"), series("Pertaruhan The Series", "action"),

        anime("Jujutsu Kaisen", "action"), anime("Attack on Titan", "action"),
        anime("Demon Slayer", "action"), anime("One Piece", "fantasy"),
        anime("Spy x Family", "comedy"), anime("Frieren: Beyond Journey's End", "fantasy"),
        anime("Chainsaw Man", "horror"), anime("Haikyu!!", "anime"),
        anime("Naruto Shippuden", "action"), anime("My Hero Academia", "action"),
        anime("Solo Leveling", "action"), anime("Kaiju No. 8", "action"),
        anime("Oshi no Ko", "drama"), anime("Dandadan", "comedy"),
        anime("Kimi ni Todoke", "romance"), anime("Detective Conan", "thriller"),

        movie("La La Land", "romance"), movie("Koala Kumal", "romance"),
        movie("Hotel Transylvania", "family"), movie("The Incredibles", "family"),
        movie("Captain America: Civil War", "action"), movie("The Dark Knight", "action"),
        movie("The Bourne Ultimatum", "thriller"), movie("Pengabdi Setan", "horror"),
        movie("Dilan 1990", "romance"), movie("KKN di Desa Penari", "horror"),
        movie("Agak Laen", "comedy"), movie("Miracle in Cell No. 7", "drama"),
        movie("Ngeri-Ngeri Sedap", "family"), movie("Habibie & Ainun", "romance"),
        movie("Laskar Pelangi", "drama"), movie("The Raid", "action"),
        movie("The Raid 2: Berandal", "action"), movie("Parasite", "thriller"),
        movie("Inception", "thriller"), movie("Interstellar", "fantasy"),
        movie("Frozen", "family"), movie("Coco", "family"),
        movie("Toy Story", "family"), movie("Inside Out 2", "family"),
        movie("Train to Busan", "horror"), movie("Ada Apa dengan Cinta?", "romance"),
        movie("Warkop DKI Reborn", "comedy"), movie("Cek Toko Sebelah", "comedy"),
        movie("Imperfect", "comedy"), movie("Yowis Ben", "comedy"),
        movie("Marlina the Murderer in Four Acts", "thriller"), movie("Gundala", "action"),
        movie("Perempuan Tanah Jahanam", "horror"), movie("Siksa Kubur", "horror"),
        movie("Love, Rosie", "romance"), movie("Crazy, Stupid, Love", "comedy"),
        movie("The Good, the Bad and the Ugly", "action"), movie("Everything Everywhere All at Once", "fantasy"),
        movie("Oppenheimer", "drama"), movie("Barbie", "comedy"),
        movie("Top Gun: Maverick", "action"), movie("John Wick", "action"),
        movie("Mission: Impossible – Fallout", "action"), movie("Amélie", "romance"),
        movie("Pokémon: Detective Pikachu", "family"), movie("Your Name", "anime"),
        movie("Spirited Away", "anime"), movie("Suzume", "anime"),
        movie("The First Slam Dunk", "anime"), movie("Free Solo", "documentary"),
        movie("My Octopus Teacher", "documentary"), movie("Ice Cold: Murder, Coffee and Jessica Wongso", "documentary"),
        movie("Keluarga Cemara", "family"), movie("Mencuri Raden Saleh", "thriller"),
        movie("Dua Garis Biru", "drama"), movie("Sore: Istri dari Masa Depan", "romance"),

        micro("Istri \"Kontrak\" Sang CEO", "romance"), micro("Suami Pengganti, Cinta Sejati", "romance"),
        micro("Balas Dendam Sang Pewaris", "drama"), micro("Cinta di Ujung Senja", "romance"),
        micro("Menantu Miskin Ternyata Miliarder", "drama"), micro("Nikah Kilat dengan Bos Dingin", "romance"),
        micro("Ratu Kantor", "comedy"), micro("Anak Genius dan Ayah Rahasia", "family"),
        micro("Dokter Ajaib dari Desa", "fantasy"), micro("Hantu Kos Sebelah", "horror"),
        micro("\"Jangan Panggil Aku Mbak\"", "comedy"), micro("Pewaris Tersembunyi", "action"),
        micro("Kembalinya Sang Legenda", "action"), micro("Terjebak Cinta Mantan", "romance"),
        micro("Mertua Galak, Menantu Sakti", "comedy"), micro("Sekretaris \"Polos\" Milik Presdir", "romance"),
    ]

    /// The name of the `n`-th extra item of a title (n ≥ 1): an episode for
    /// episodic types, a part for movies.
    static func variantName(of title: Title, number n: Int) -> String {
        switch title.type {
        case .series, .anime:
            return "\(title.name) S\((n - 1) / 16 + 1)E\((n - 1) % 16 + 1)"
        case .microdrama:
            return "\(title.name) Ep \(n)"
        case .movie:
            return "\(title.name) Part \(n + 1)"
        }
    }
}
