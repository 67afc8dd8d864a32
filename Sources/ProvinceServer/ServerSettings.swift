import Curriculum
import Foundation
import Units

/// How a server is started: where it listens, its certificate, its database, and the province's
/// courses (communes and their provinces come from `papi-server enrol`).
public struct ServerSettings: Sendable {
  public var host: String
  /// 0: any free port (the bound port is logged and printed).
  public var port: Int
  /// PEM files of the certificate chain and private key; plain HTTP when nil.
  public var tls: (certificate: String, key: String)?
  public var database: DatabaseSettings
  public var coursesPath: String
  /// The administrative units list: the communes of a leader's province and their names (the
  /// leaders' pages list every commune, enrolled or not). Unused when the file is not there.
  public var unitsPath: String
  /// A folder of the provinces' published PAPI scores, one CSV a province named by its code
  /// (`12.csv`, as `report readiness --province-scores` reads it): the readiness page's
  /// priorities. A province without a file has none.
  public var provinceScoresPath: String?
  /// Where the loaded and validated courses are kept between starts (papi-train's course cache,
  /// `$XDG_CACHE_HOME/papi-train/courses`); nil: every start reads and validates them.
  public var courseCache: CurriculumCache? = .default(environment: ProcessInfo.processInfo.environment)

  public init(
    host: String, port: Int, tls: (certificate: String, key: String)?, database: DatabaseSettings,
    coursesPath: String, unitsPath: String = UnitHierarchy.defaultPath, provinceScoresPath: String? = nil
  ) {
    self.unitsPath = unitsPath
    self.provinceScoresPath = provinceScoresPath
    self.host = host
    self.port = port
    self.tls = tls
    self.database = database
    self.coursesPath = coursesPath
  }

  /// The courses, loaded and validated; throws when they do not load. Through ``courseCache``, as
  /// the shell starts: courses already validated by this very binary from exactly the same files
  /// are read back from the cache (a start then costs milliseconds, not half a second of YAML and
  /// text checks); any change to a course file, the taxonomy or the binary is a new key, so the
  /// courses are read and validated again.
  public func loadCourses() throws -> CourseLibrary {
    guard let library = CurriculumLoader().load(path: coursesPath, cache: courseCache).library else {
      throw ServerMessage.coursesDoNotLoad(coursesPath)
    }
    return library
  }

  /// The units list, nil when there is no file at ``unitsPath``; throws when it does not load.
  public func loadUnits() throws -> UnitHierarchy? {
    guard FileManager.default.fileExists(atPath: unitsPath) else { return nil }
    do { return try UnitHierarchy.load(path: unitsPath) } catch {
      throw ServerMessage.unitsDoNotLoad(unitsPath, "\(error)")
    }
  }
}
