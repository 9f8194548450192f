#pragma once

#include <string>
#include <string_view>

/// The work of the fuzz targets, shared with the regression test (fuzz_regressions_test.cpp) so
/// that a saved input is fed through exactly what the fuzzer ran. Each function reads one input
/// as a user's file or argument would be read and then uses the result the way iisid does; it
/// returns what is wrong with the outcome ("" when everything is sane). An exception escaping
/// is a finding too: the fuzzer reports it, the test expects none.
namespace iisid::fuzz {

/// A scenario file: readScenario, checkScenario, effective, resolve, explanationJson,
/// explanationText, and writeScenario read back to the same text.
std::string checkScenarioFile(std::string_view input);

/// A lesson file: readLesson, then resolve and correctChoice.
std::string checkLessonFile(std::string_view input);

/// --set arguments, one per line (at most 8), applied to a default scenario with applyAssignment;
/// then what checkScenarioFile does after reading.
std::string checkAssignments(std::string_view input);

/// An applicationHost.config or web.config: ConfigSet::read, then for every application the
/// effective identity sections and the resolved handler list; every value's origin must lie in
/// the input.
std::string checkConfigFile(std::string_view input);

} // namespace iisid::fuzz

namespace iisid::fuzz {

/// An IIS 6 MetaBase.xml: readMetabase, then describeMetabase; every value set in the file keeps
/// a place in it, every diagnostic names one.
std::string checkMetabase(std::string_view input);

/// A php.ini: readPhpIni in both '#' readings, effectiveDirective, and choosePhpIni with the
/// first line as the FastCGI arguments.
std::string checkPhpIni(std::string_view input);

} // namespace iisid::fuzz
