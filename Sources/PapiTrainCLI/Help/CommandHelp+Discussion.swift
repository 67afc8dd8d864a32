extension CommandHelp {
  /// The longer explanation `--help` shows under the abstract (in English), or "" for none.
  public var discussion: String {
    learningDiscussion ?? accessDiscussion ?? ""
  }

  private var learningDiscussion: String? {
    switch self {
    case .papiTrain: "Set PAPI_LANG=en (or --lang en) for English messages."
    case .shell:
      """
      Uses GNU readline on a terminal (history, Tab completion, Ctrl-C, Ctrl-D) and reads plain lines
      when standard input is not a terminal, so a script can drive a whole session.
      """
    case .lint:
      """
      Prints every problem as file:line:column: error|warning: message and exits 1 if there is an error.
      PATH is a Courses/ folder or a single course folder (default: Courses).
      """
    case .merge:
      """
      Each FILE is a commune's results file (03637.sqlite); a DIR stands for the .sqlite files in it.
      Merging is keyed by stable ids, so merging the same file twice adds nothing. Inputs are only
      read, never changed: each is checked as untrusted input (a regular file, size, exact schema,
      integrity, every row) on a private copy, and a bad file is refused by name while the others
      are merged. --require-signature also refuses files not signed (FILE.sig) by a machine enrolled
      with `papi-train keys enrol` for the file's commune. Every file is recorded in
      $XDG_STATE_HOME/papi-train/merge-audit.jsonl. Exits 1 if a file was refused.
      """
    case .unitsImport:
      """
      FILE is the list exported from danhmuchanhchinh.gso.gov.vn and saved as CSV UTF-8, with the columns
      Tỉnh / Thành Phố, Mã TP, [Quận Huyện, Mã QH,] Phường Xã, Mã PX[, Cấp]. Every bad row is reported
      with its line and nothing is written unless the whole file is sound.
      """
    case .export:
      """
      Chooses attempts by --class, --commune (repeatable), --from/--to (days, inclusive) and --quiz, \
      combined with "and". XLSX has seven sheets (scores per official, every answer as shown, item \
      statistics, per-option counts, quizzes, who needs help, how to read it); CSV writes one file per \
      table (OUTPUT-scores.csv, -answers.csv, ...), or the one --table names at OUTPUT; JSON follows \
      docs/export-schema.json. \
      An existing file is never replaced without --force.
      """
    case .exportQuestions:
      """
      Writes GIFT or Moodle XML that Moodle imports as the same questions, keys and feedback, or an \
      Excel workbook in the layout `papi-train import` reads. Ordering questions become matching \
      questions (items to positions) with a note.
      """
    case .importBank:
      """
      Reads GIFT, Aiken, Moodle XML, XLSX or CSV (see Courses/README.md) and writes the questions into \
      course ID under DIR, creating the course if needed. Every problem is printed as file:line: message; \
      on any error nothing is written (exit 1). Missing PAPI codes, legal sources and explanations are \
      written marked 'CẦN ĐIỀN / TO FILL' for `papi-train lint` to report.
      """
    case .demoData:
      """
      Writes one results file per commune into an EMPTY folder (default Demo/Results, never Results/):
      officials with positions from positions.yaml take the shipped courses' quizzes (pre-tests, practice,
      post-tests) over months; every commune is weak in a couple of PAPI dimensions. The real communes of
      the units file come first, synthetic 5-digit codes (90000 up) beyond; --units-out writes a units file
      that names them all. The same --seed and sizes give the same data.
      """
    case .readiness:
      """
      Readiness = 1 + 9 × mastery on PAPI's 1-10 scale, coloured in fixed bands (the weak line, 70% = 7.3,
      is a boundary); "—" marks insufficient data (under 20 answers or 3 officials). Every commune of the
      units list is listed, with what it has sent, and the province row averages every commune of the
      province. Sorted weakest first by default. --html writes a self-contained dashboard; --json prints
      papi-train.readiness/1.
      """
    case .rosterAdd: "POSITION is an id from Courses/positions.yaml (chairman, ...) or its name."
    case .rosterImport:
      """
      FILE is the list a commune office keeps, saved from Excel as CSV: a "Họ và tên" column and a
      "Chức vụ" or "Chức danh" column (other columns and title rows are ignored). Positions are matched
      to Courses/positions.yaml without diacritics. Officials already on the roster are not added
      again. Rows that cannot be imported are listed with their line; the exit status is then 1.
      """
    default: nil
    }
  }

  private var accessDiscussion: String? {
    switch self {
    case .accessSetup:
      """
      Asks for the new passphrase twice (without echo on a terminal; one line each from a pipe). When
      a passphrase is already set, first asks for the leader's (or, with none, the role's own).
      Only a salted scrypt hash is stored, in $XDG_CONFIG_HOME/papi-train/access.json.
      """
    case .sign:
      """
      Writes FILE.sig beside each file. Sign a results .sqlite after closing the shell (its -wal
      file merged): the bytes of FILE itself are what is signed. --print-key prints the public key
      a province adds to its trusted list.
      """
    case .verify:
      "Exits 1 when any file is altered, unsigned, badly signed, or (with --trust) signed by an unknown key."
    case .keysEnrol: "FILE holds the key `papi-train sign --print-key` printed on the commune's machine."
    case .certificateIssue:
      """
      Writes CODE.html (one A4 page), CODE.json (the signed certificate) and, when Chromium is
      installed, CODE.pdf for each official who passed; signs with this computer's key and keeps
      each certificate in $XDG_DATA_HOME/papi-train/certificates.json for `certificate verify`.
      """
    case .certificateVerify:
      "Exits 1 unless the certificate is intact and signed by this computer or an enrolled machine."
    case .coursesInstall: "The installed version replaces the shipped course with the same id in the shell."
    case .sync: "First `papi-train sync enrol URL CODE` with the code the province gives (papi-server enrol)."
    default: nil
    }
  }
}
