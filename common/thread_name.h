#ifndef PARLEY_COMMON_THREAD_NAME_H_
#define PARLEY_COMMON_THREAD_NAME_H_

#include <pthread.h>

#include <string>

namespace parley {

// Names the calling thread as top -H, ps -L and perf show it, so that the
// CPU of each stage (building, writing, RocksDB's own threads) can be told
// apart. Linux keeps at most 15 characters.
inline void NameThisThread(const std::string& name) {
  pthread_setname_np(pthread_self(), name.substr(0, 15).c_str());
}

}  // namespace parley

#endif  // PARLEY_COMMON_THREAD_NAME_H_
