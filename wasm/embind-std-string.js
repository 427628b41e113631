// Faster std::string <-> JS string conversion for embind, linked with
// --js-library by wasm/CMakeLists.txt (HEZHANG_WASM_STRING_GLUE, emscripten
// 3.1.6 only). It replaces embind's own _embind_register_std_string, whose
// fromWireType reads every byte of the returned string in a JS loop (looking
// for NULs) before decoding it, and whose toWireType encodes UTF-8 in a JS
// loop: with a report's JSON (100-250 KB) that glue was a fifth of
// analyze()'s instructions in Node. Here: one TextDecoder.decode of the bytes
// (a NUL decodes to U+0000, as before) and one TextEncoder.encode.
// The strings are the same for valid UTF-8 out and any JS string in, except
// that a lone surrogate in the input is now encoded as U+FFFD (as
// Buffer.byteLength counts it; embind wrote four meaningless bytes) and that
// a leading U+FEFF in a returned string is dropped whatever its length (embind
// dropped it from strings over 16 bytes). std::basic_string<unsigned char> and
// other non-UTF-8 string types keep embind's Latin-1 conversion.
mergeInto(LibraryManager.library, {
  _embind_register_std_string__deps: [
    '$readLatin1String', '$registerType', '$simpleReadValueFromPointer', '$throwBindingError'],
  _embind_register_std_string: function(rawType, name) {
    name = readLatin1String(name);
    var stdStringIsUTF8 = (name === 'std::string');
    var decoder = new TextDecoder('utf8');
    var encoder = new TextEncoder();
    registerType(rawType, {
      name: name,
      'fromWireType': function(value) {
        var length = HEAPU32[value >> 2];
        var str;
        if (stdStringIsUTF8) {
          str = decoder.decode(HEAPU8.subarray(value + 4, value + 4 + length));
        } else {
          var a = new Array(length);
          for (var i = 0; i < length; ++i) {
            a[i] = String.fromCharCode(HEAPU8[value + 4 + i]);
          }
          str = a.join('');
        }
        _free(value);
        return str;
      },
      'toWireType': function(destructors, value) {
        if (value instanceof ArrayBuffer) {
          value = new Uint8Array(value);
        }
        var valueIsOfTypeString = (typeof value == 'string');
        if (!(valueIsOfTypeString || value instanceof Uint8Array || value instanceof Uint8ClampedArray || value instanceof Int8Array)) {
          throwBindingError('Cannot pass non-string to std::string');
        }
        var bytes = (stdStringIsUTF8 && valueIsOfTypeString) ? encoder.encode(value) : null;
        var length = bytes ? bytes.length : value.length;
        // assumes 4-byte alignment
        var ptr = _malloc(4 + length + 1);
        HEAPU32[ptr >> 2] = length;
        if (bytes) {
          HEAPU8.set(bytes, ptr + 4);
        } else if (valueIsOfTypeString) {
          for (var i = 0; i < length; ++i) {
            var charCode = value.charCodeAt(i);
            if (charCode > 255) {
              _free(ptr);
              throwBindingError('String has UTF-16 code units that do not fit in 8 bits');
            }
            HEAPU8[ptr + 4 + i] = charCode;
          }
        } else {
          for (var i = 0; i < length; ++i) {
            HEAPU8[ptr + 4 + i] = value[i];
          }
        }
        HEAPU8[ptr + 4 + length] = 0;
        if (destructors !== null) {
          destructors.push(_free, ptr);
        }
        return ptr;
      },
      'argPackAdvance': 8,
      'readValueFromPointer': simpleReadValueFromPointer,
      destructorFunction: function(ptr) { _free(ptr); },
    });
  },
});
