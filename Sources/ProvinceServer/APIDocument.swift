/// The OpenAPI 3 document of the server's API (docs/openapi.yaml), served at `/openapi.yaml`.
/// The build compiles the file into the binary (`Sources/ProvinceServer/openapi.yaml` is a link to
/// it), so the server needs no resource bundle beside it and the two cannot differ.
public enum APIDocument {
  /// The document, as docs/openapi.yaml has it.
  public static var text: String { String(decoding: PackageResources.openapi_yaml, as: UTF8.self) }
}
