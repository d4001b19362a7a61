// A cereal input archive for untrusted PortableBinary payloads.
//
// It reads exactly what cereal::PortableBinaryOutputArchive writes (an
// endianness byte, then little- or big-endian values; sizes as uint64), but
// trusts nothing: every size and byte count is checked against the bytes that
// are left, so a claimed count can never make it allocate more than the input
// could hold; a bool must be 0 or 1 (anything else is undefined behaviour in
// cereal's own archives); floating point is not accepted at all.
// Containers must be grown as elements arrive (see serialize.hpp), never
// resized to a claimed count: with that, memory stays a small multiple of the
// input size. Failures throw cereal::Exception.
#pragma once

#include <cereal/archives/portable_binary.hpp>
#include <cereal/cereal.hpp>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>

namespace rapport {

class BoundedBinaryInputArchive
    : public cereal::InputArchive<BoundedBinaryInputArchive, cereal::AllowEmptyClassElision> {
 public:
  // `data` must outlive the archive. Reads the endianness byte at once.
  BoundedBinaryInputArchive(const void* data, std::size_t size)
      : cereal::InputArchive<BoundedBinaryInputArchive, cereal::AllowEmptyClassElision>(this),
        pos_(static_cast<const unsigned char*>(data)),
        end_(pos_ + size) {
    uint8_t little = 0;
    load_bytes<1>(&little, 1);
    if (little > 1) throw cereal::Exception("the byte-order mark is not 0 or 1");
    swap_ = (little == 1) != native_little();
  }

  std::size_t remaining() const { return static_cast<std::size_t>(end_ - pos_); }

  // Copies `size` bytes, swapping each `ElementSize`-byte element if the data
  // was written on a machine of the other byte order.
  template <std::size_t ElementSize>
  void load_bytes(void* out, std::size_t size) {
    if (size > remaining())
      throw cereal::Exception("needs " + std::to_string(size) + " bytes but only " +
                              std::to_string(remaining()) + " are left");
    if (size != 0) std::memcpy(out, pos_, size);
    pos_ += size;
    if constexpr (ElementSize > 1) {
      if (swap_) {
        auto* p = static_cast<unsigned char*>(out);
        for (std::size_t i = 0; i + ElementSize <= size; i += ElementSize)
          for (std::size_t j = 0; j < ElementSize / 2; ++j)
            std::swap(p[i + j], p[i + ElementSize - 1 - j]);
      }
    }
  }

  // A count of things that each take at least one byte: never more than the
  // bytes that are left.
  void load_count(cereal::size_type& count) {
    uint64_t n = 0;
    load_bytes<sizeof(n)>(&n, sizeof(n));
    if (n > remaining())
      throw cereal::Exception("a list claims " + std::to_string(n) + " entries but only " +
                              std::to_string(remaining()) + " bytes are left");
    count = static_cast<cereal::size_type>(n);
  }

 private:
  static bool native_little() {
    const uint16_t one = 1;
    unsigned char first = 0;
    std::memcpy(&first, &one, 1);
    return first == 1;
  }

  const unsigned char* pos_;
  const unsigned char* end_;
  bool swap_ = false;
};

template <class T>
requires(std::is_integral_v<T> &&
         !std::is_same_v<T, bool>) void CEREAL_LOAD_FUNCTION_NAME(BoundedBinaryInputArchive& ar,
                                                                  T& t) {
  ar.load_bytes<sizeof(T)>(&t, sizeof(T));
}

inline void CEREAL_LOAD_FUNCTION_NAME(BoundedBinaryInputArchive& ar, bool& b) {
  uint8_t byte = 0;
  ar.load_bytes<1>(&byte, 1);
  if (byte > 1) throw cereal::Exception("a yes/no value is " + std::to_string(byte));
  b = byte == 1;
}

template <class T>
void CEREAL_LOAD_FUNCTION_NAME(BoundedBinaryInputArchive& ar, cereal::NameValuePair<T>& nvp) {
  ar(nvp.value);
}

template <class T>
void CEREAL_LOAD_FUNCTION_NAME(BoundedBinaryInputArchive& ar, cereal::SizeTag<T>& tag) {
  cereal::size_type n = 0;
  ar.load_count(n);
  tag.size = n;
}

template <class T>
void CEREAL_LOAD_FUNCTION_NAME(BoundedBinaryInputArchive& ar, cereal::BinaryData<T>& data) {
  using Element = std::remove_pointer_t<T>;
  static_assert(std::is_integral_v<Element>, "only integral binary data is accepted");
  ar.load_bytes<sizeof(Element)>(data.data, static_cast<std::size_t>(data.size));
}

}  // namespace rapport

CEREAL_REGISTER_ARCHIVE(rapport::BoundedBinaryInputArchive)

// One direction only: cereal::PortableBinaryOutputArchive already maps back to
// cereal's own input archive.
namespace cereal::traits::detail {
template <>
struct get_output_from_input<rapport::BoundedBinaryInputArchive> {
  using type = cereal::PortableBinaryOutputArchive;
};
}  // namespace cereal::traits::detail
