import * as assert from 'node:assert/strict';
import { imageTypeExtension, sniffImageType, uploadMimeType } from '../../../src/photos/imageType';
import { GIF_1X1, HEIC_HEAD, JPEG_1X1, PNG_1X1, WEBP_HEAD } from './tinyImages';

describe('photos: image type from the bytes', () => {
  it('tells JPEG, PNG and GIF by their magic bytes, whatever the name says', () => {
    assert.equal(sniffImageType(JPEG_1X1), 'jpeg');
    assert.equal(sniffImageType(PNG_1X1), 'png');
    assert.equal(sniffImageType(GIF_1X1), 'gif');
    assert.equal(sniffImageType(new TextEncoder().encode('GIF87a....')), 'gif');
  });

  it('knows the types Fotolife does not take as they are', () => {
    assert.equal(sniffImageType(WEBP_HEAD), 'webp');
    assert.equal(sniffImageType(HEIC_HEAD), 'heic');
    assert.equal(sniffImageType(new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>')), 'svg');
    assert.equal(sniffImageType(Uint8Array.from([0x42, 0x4d, ...Array<number>(20).fill(0)])), 'bmp');
  });

  it('is no image for text, empty or truncated bytes', () => {
    assert.equal(sniffImageType(new Uint8Array()), undefined);
    assert.equal(sniffImageType(new TextEncoder().encode('hello, world')), undefined);
    assert.equal(sniffImageType(PNG_1X1.subarray(0, 4)), undefined);
    assert.equal(sniffImageType(Uint8Array.from([0xff, 0xd8])), undefined);
  });

  it('sends only JPEG, PNG and GIF, each with its MIME type', () => {
    assert.equal(uploadMimeType('jpeg'), 'image/jpeg');
    assert.equal(uploadMimeType('png'), 'image/png');
    assert.equal(uploadMimeType('gif'), 'image/gif');
    assert.equal(uploadMimeType('webp'), undefined);
    assert.equal(uploadMimeType('heic'), undefined);
    assert.equal(uploadMimeType(undefined), undefined);
    assert.equal(imageTypeExtension('jpeg'), 'jpg');
  });
});
