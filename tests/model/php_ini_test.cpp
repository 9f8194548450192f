#include <gtest/gtest.h>
TEST(PhpIni, Placeholder) {}
