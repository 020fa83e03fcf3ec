/// Names and places for synthetic Indonesian viewers. Invented combinations:
/// any likeness to a real person is chance.
enum PeopleVocabulary {
    static let femaleNames = [
        "Sari", "Dewi", "Siti", "Putri", "Ayu", "Rina", "Indah", "Fitri", "Lestari", "Ratna",
        "Maya", "Kartika", "Nur", "Wulan", "Intan", "Anisa", "Nabila", "Citra", "Dian", "Yuni",
        "Eka", "Melati", "Tiara", "Aulia", "Rahma", "Salsabila", "Kirana", "Nadia", "Larasati", "Sekar",
        "Astuti", "Wati", "Novita", "Febri", "Gita", "Hana", "Laila", "Mega", "Nining", "Reni",
    ]
    static let maleNames = [
        "Ahmad", "Budi", "Agus", "Rizky", "Eko", "Fajar", "Yusuf", "Bayu", "Dimas", "Wahyu",
        "Hendra", "Joko", "Teguh", "Andi", "Bambang", "Arief", "Hadi", "Irfan", "Kevin", "Rudi",
        "Slamet", "Taufik", "Yoga", "Gilang", "Reza", "Aditya", "Bagus", "Dedi", "Farhan", "Galih",
        "Ilham", "Made", "Putu", "Ketut", "Raka", "Satria", "Tono", "Wisnu", "Zaki", "Hafiz",
    ]
    static let familyNames = [
        "Hidayat", "Wijaya", "Santoso", "Saputra", "Pratama", "Kusuma", "Nugroho", "Siregar",
        "Simanjuntak", "Gunawan", "Halim", "Setiawan", "Purnomo", "Harahap", "Nasution", "Wibowo",
        "Susanto", "Rahman", "Sihombing", "Hakim", "Lubis", "Tanjung", "Permana", "Firmansyah",
        "Ramadhan", "Kurniawan", "Utomo", "Putra", "Sembiring", "Manurung", "Tambunan", "Pangaribuan",
        "Suryadi", "Hartono", "Salim", "Tanoto", "Wirawan", "Anggraini", "Maharani", "Pertiwi",
    ]

    /// A city, how often viewers live there, and its UTC offset in minutes
    /// (WIB +07:00, WITA +08:00, WIT +09:00).
    struct Region {
        let name: String
        let weight: Double
        let zoneMinutes: Int
    }

    static let regions = [
        Region(name: "Jakarta", weight: 24, zoneMinutes: 420),
        Region(name: "Bandung", weight: 9, zoneMinutes: 420),
        Region(name: "Surabaya", weight: 9, zoneMinutes: 420),
        Region(name: "Bekasi", weight: 6, zoneMinutes: 420),
        Region(name: "Tangerang", weight: 6, zoneMinutes: 420),
        Region(name: "Depok", weight: 4, zoneMinutes: 420),
        Region(name: "Bogor", weight: 4, zoneMinutes: 420),
        Region(name: "Medan", weight: 6, zoneMinutes: 420),
        Region(name: "Semarang", weight: 4, zoneMinutes: 420),
        Region(name: "Yogyakarta", weight: 4, zoneMinutes: 420),
        Region(name: "Malang", weight: 3, zoneMinutes: 420),
        Region(name: "Palembang", weight: 3, zoneMinutes: 420),
        Region(name: "Padang", weight: 2, zoneMinutes: 420),
        Region(name: "Pekanbaru", weight: 2, zoneMinutes: 420),
        Region(name: "Batam", weight: 2, zoneMinutes: 420),
        Region(name: "Pontianak", weight: 1.5, zoneMinutes: 420),
        Region(name: "Denpasar", weight: 3, zoneMinutes: 480),
        Region(name: "Makassar", weight: 3, zoneMinutes: 480),
        Region(name: "Balikpapan", weight: 1.5, zoneMinutes: 480),
        Region(name: "Manado", weight: 1.5, zoneMinutes: 480),
        Region(name: "Mataram", weight: 1, zoneMinutes: 480),
        Region(name: "Jayapura", weight: 1, zoneMinutes: 540),
        Region(name: "Ambon", weight: 0.5, zoneMinutes: 540),
    ]

    /// The zone of a region name, WIB for any region not listed.
    static func zoneMinutes(of region: String) -> Int {
        regions.first { $0.name == region }?.zoneMinutes ?? 420
    }
}
