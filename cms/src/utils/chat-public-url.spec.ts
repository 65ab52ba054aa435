import { describe, expect, test } from 'vitest';
import { socketSources } from './chat-public-url';

describe('socketSources', () => {
  test('allows the chat-server over HTTP and over WebSocket', () => {
    expect(socketSources('http://localhost:4000')).toEqual(['http://localhost:4000', 'ws://localhost:4000']);
  });

  test('keeps TLS on both: https and wss', () => {
    expect(socketSources('https://chat.ventalis.example/')).toEqual(['https://chat.ventalis.example', 'wss://chat.ventalis.example']);
  });

  test('allows nothing more when the chat has no public address', () => {
    expect(socketSources('')).toEqual([]);
  });
});
