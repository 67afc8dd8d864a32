import Gradebook
import NIOCore
import PostgresNIO

extension ReadinessQuery {
  /// One row of ``sums(province:until:classes:)``: a commune and its sums, one per key.
  struct CommuneRow {
    var commune: String
    var sums: [WeightedAnswerScan.Sums]

    /// The row's seven columns (commune, then arrays of keys, answers, Σe, Σe², Σe·mark and
    /// officials) read from their binary form. A column of another type or form than the
    /// statement gives, a null, or arrays of different lengths is an error naming the column.
    init(_ row: PostgresRow) throws {
      var cells = row.makeIterator()
      func next() throws -> PostgresCell {
        guard let cell = cells.next() else { throw Failure.missingColumn }
        return cell
      }
      commune = try Self.text(next())
      let keys = try Self.array(next(), .textArray, element: .text) { String(buffer: $0) }
      let answers = try Self.array(next(), .int8Array, element: .int8, of: Int64.self)
      let sumE = try Self.array(next(), .float8Array, element: .float8, of: UInt64.self)
      let sumSquaredE = try Self.array(next(), .float8Array, element: .float8, of: UInt64.self)
      let sumMarkedE = try Self.array(next(), .float8Array, element: .float8, of: UInt64.self)
      let officials = try Self.array(next(), .int8Array, element: .int8, of: Int64.self)
      guard
        [answers.count, sumE.count, sumSquaredE.count, sumMarkedE.count, officials.count].allSatisfy({
          $0 == keys.count
        })
      else { throw Failure.unequalArrays(commune: commune) }
      sums = keys.indices.map { index in
        WeightedAnswerScan.Sums(
          group: "", key: keys[index], answers: Int(answers[index]), officials: Int(officials[index]),
          sumE: Double(bitPattern: sumE[index]), sumSquaredE: Double(bitPattern: sumSquaredE[index]),
          sumMarkedE: Double(bitPattern: sumMarkedE[index]))
      }
    }

    /// Why a row could not be read.
    enum Failure: Error, CustomStringConvertible {
      case missingColumn
      case unexpected(column: String, type: PostgresDataType, format: PostgresFormat)
      case malformedArray(column: String)
      case unequalArrays(commune: String)

      var description: String {
        switch self {
        case .missingColumn: "readiness sums: a row has fewer than 7 columns"
        case .unexpected(let column, let type, let format):
          "readiness sums: column \(column) is \(type) in \(format) form, or null"
        case .malformedArray(let column):
          "readiness sums: column \(column) is not a one-dimensional array without nulls"
        case .unequalArrays(let commune): "readiness sums: commune \(commune)'s arrays differ in length"
        }
      }
    }

    private static func bytes(_ cell: PostgresCell, _ types: [PostgresDataType]) throws -> ByteBuffer {
      guard types.contains(cell.dataType), cell.format == .binary, let bytes = cell.bytes else {
        throw Failure.unexpected(column: cell.columnName, type: cell.dataType, format: cell.format)
      }
      return bytes
    }

    private static func text(_ cell: PostgresCell) throws -> String {
      String(buffer: try bytes(cell, [.text, .varchar]))
    }

    /// A one-dimensional array without nulls in PostgreSQL's binary form: its dimensions, its
    /// flags and element type, then each element's length and bytes, each read by `element`.
    private static func array<Element>(
      _ cell: PostgresCell, _ type: PostgresDataType, element elementType: PostgresDataType,
      _ read: (ByteBuffer) -> Element?
    ) throws -> [Element] {
      var bytes = try bytes(cell, [type])
      let malformed = Failure.malformedArray(column: cell.columnName)
      guard let dimensions = bytes.readInteger(as: Int32.self),
        let hasNulls = bytes.readInteger(as: Int32.self),
        let oid = bytes.readInteger(as: UInt32.self), oid == elementType.rawValue, hasNulls == 0
      else { throw malformed }
      if dimensions == 0 { return [] }
      guard dimensions == 1, let count = bytes.readInteger(as: Int32.self), count >= 0,
        bytes.readInteger(as: Int32.self) != nil
      else { throw malformed }
      var elements: [Element] = []
      elements.reserveCapacity(Int(count))
      for _ in 0..<count {
        guard let length = bytes.readInteger(as: Int32.self), length >= 0,
          let slice = bytes.readSlice(length: Int(length)), let value = read(slice)
        else { throw malformed }
        elements.append(value)
      }
      return elements
    }

    /// An array of 8-byte integers (or of doubles, as their bits).
    private static func array<Integer: FixedWidthInteger>(
      _ cell: PostgresCell, _ type: PostgresDataType, element: PostgresDataType, of _: Integer.Type
    ) throws -> [Integer] {
      try array(cell, type, element: element) { slice in
        slice.readableBytes == MemoryLayout<Integer>.size ? slice.getInteger(at: slice.readerIndex) : nil
      }
    }
  }
}
