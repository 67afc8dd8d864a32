import Localization

extension AccessError: MessageCatalogue {
  /// One of every case, for the test that renders every message in both languages.
  public static let samples: [AccessError] = [
    .unreadable("access.json"), .damaged("access.json"), .unwritable("access.json", "Permission denied"),
    .notGuarded(.official), .tooShort(minimum: 8), .tooWeak(.common), .tooWeak(.repeated),
    .tooWeak(.sequence), .tooWeak(.roleName), .currentNeeded(.leader), .wrongCurrent(.trainer),
    .locked(wait: 30), .mismatch, .keyUnreadable("/home/mai/.local/share/papi-train/signing-key"),
  ]
}
