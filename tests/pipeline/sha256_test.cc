// Tests for pipeline/sha256.h against FIPS 180-4 vectors and padding edges.
#include "pipeline/sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace zfxxgk {
namespace {

TEST(Sha256Test, EmptyString) {
  EXPECT_EQ(Sha256Hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256Test, Abc) {
  EXPECT_EQ(Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256Test, TwoBlockMessageOf56Bytes) {
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256Test, OneMillionA) {
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// Lengths around the padding boundary: 55 bytes still fit the length in one
// block, 56 need a second; 64 is exactly one block of data.
TEST(Sha256Test, PaddingBoundaries) {
  struct Case {
    size_t n;
    const char* hex;
  };
  const Case cases[] = {
      {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
      {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
      {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
      {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
      {65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
      {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
      {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
  };
  for (const Case& c : cases) EXPECT_EQ(Sha256Hex(std::string(c.n, 'a')), c.hex) << c.n;
}

TEST(Sha256Test, HighBytesAndUtf8) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  EXPECT_EQ(Sha256Hex(all),
            "40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880");
  EXPECT_EQ(Sha256Hex("政府信息公开"),
            "f0e9bebe601fc5861d86331854b287db5d626116de0b0951ad8d4cef752d8f7b");
}

TEST(Sha256Test, OutputIs64LowerCaseHexDigits) {
  std::string h = Sha256Hex("zfxxgk");
  ASSERT_EQ(h.size(), 64u);
  for (char c : h) EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << h;
}

// The portable rounds give the same digests as the default path (SHA-NI on
// CPUs that have it), over every length of the two padding cases and more.
TEST(Sha256Test, PortableRoundsMatchTheDefaultPath) {
  std::string bytes;
  for (int n = 0; n < 300; ++n) {
    EXPECT_EQ(internal::Sha256Hex(bytes, false), Sha256Hex(bytes)) << n;
    bytes.push_back(static_cast<char>(n * 37 + 11));
  }
  EXPECT_EQ(internal::Sha256Hex("abc", false),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace zfxxgk
