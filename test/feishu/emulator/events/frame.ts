/** The long-connection frame (package pbbp2, §8.9), encoded with protobufjs like the SDK's generated code. */
import protobuf from 'protobufjs';

const PROTO = `
syntax = "proto2";
package pbbp2;
message Header {
  required string key = 1;
  required string value = 2;
}
message Frame {
  required uint64 SeqID = 1;
  required uint64 LogID = 2;
  required int32 service = 3;
  required int32 method = 4;
  repeated Header headers = 5;
  optional string payloadEncoding = 6;
  optional string payloadType = 7;
  optional bytes payload = 8;
  optional string LogIDNew = 9;
}
`;

const FrameMessage = protobuf.parse(PROTO, { keepCase: true }).root.lookupType('pbbp2.Frame');

export const FrameMethod = { control: 0, data: 1 } as const;

export interface FrameHeader {
  key: string;
  value: string;
}

export interface Frame {
  SeqID: number;
  LogID: number;
  service: number;
  method: number;
  headers: FrameHeader[];
  payloadEncoding?: string;
  payloadType?: string;
  payload?: Uint8Array;
  LogIDNew?: string;
}

export function encodeFrame(frame: Frame): Uint8Array {
  return FrameMessage.encode(FrameMessage.fromObject(frame)).finish();
}

export function decodeFrame(data: Uint8Array): Frame {
  const message = FrameMessage.decode(data);
  const obj = FrameMessage.toObject(message, { longs: Number, defaults: true, arrays: true }) as Frame;
  return obj;
}

export function headerValue(frame: Frame, key: string): string | undefined {
  return frame.headers.find((h) => h.key === key)?.value;
}
