/// The OpenAPI 3 document of the server's API (docs/openapi.yaml), served at `/openapi.yaml`.
/// It is embedded in the binary by scripts/embed-openapi; a test keeps the copy and the file equal.
public enum APIDocument {
  /// The document, as docs/openapi.yaml has it.
  public static var text: String { embedded + "\n" }
}
