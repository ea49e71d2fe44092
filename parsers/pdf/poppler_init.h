// One-time, process-wide set-up of poppler, done before the first document.
//
// Poppler keeps some state per process and creates it lazily, without a lock:
// the colour profiles of GfxState (GfxState::sRGBProfile, XYZProfile) are made
// by the first page drawn, text extraction included. Two threads drawing their
// first pages at once both make them and one frees the other's profile while
// it is still being read (ThreadSanitizer: a race in lcms2's cmsMLUfree).
// InitPoppler() does that first drawing once, on one thread, before any
// caller's document, and installs the message handler.
#ifndef ZFXXGK_PARSERS_PDF_POPPLER_INIT_H_
#define ZFXXGK_PARSERS_PDF_POPPLER_INIT_H_

#include <string>

namespace zfxxgk::pdf {

// Receives poppler's messages (damage, repairs), on the thread that caused them.
using PopplerMessageSink = void (*)(const std::string& message, void* closure);

// Thread-safe; the first call does the work and later calls return at once.
// `sink` is installed by the first call only.
void InitPoppler(PopplerMessageSink sink);

// A valid one-page, empty PDF (correct xref offsets), built in memory. Exposed
// for tests.
std::string MinimalPdf();

}  // namespace zfxxgk::pdf

#endif  // ZFXXGK_PARSERS_PDF_POPPLER_INIT_H_
