#include "index/xapian_errors.h"

#include <unistd.h>

#include <filesystem>
#include <string>

namespace fs = std::filesystem;

namespace bahth::detail {

namespace {
// The process holding Xapian's write lock, found the way fuser(1) does: Xapian 1.4 locks <db>/flintlock
// with an open-file-description lock, which records no pid, so look for processes that have the file open.
// 0 when none is visible (another user's process, or no /proc).
long lock_holder(const std::string& db) {
  std::error_code ec;
  const fs::path lock = fs::weakly_canonical(fs::path(db) / "flintlock", ec);
  if (ec) return 0;
  const long self = static_cast<long>(::getpid());
  for (fs::directory_iterator proc("/proc", ec), end; !ec && proc != end; proc.increment(ec)) {
    const std::string name = proc->path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    const long pid = std::stol(name);
    if (pid == self) continue;
    std::error_code ec2;
    for (fs::directory_iterator fd(proc->path() / "fd", ec2), fd_end; !ec2 && fd != fd_end; fd.increment(ec2)) {
      std::error_code ec3;
      if (fs::read_symlink(fd->path(), ec3) == lock) return pid;
    }
  }
  return 0;
}

std::string lock_message(const std::string& what) {
  long pid = lock_holder(what);
  return "index " + what + " is being written by " +
         (pid > 0 ? "process " + std::to_string(pid) : std::string("another process")) +
         "; wait for it to finish (only one writer at a time)";
}
}  // namespace

std::string describe_xapian_error(const std::string& what, const Xapian::Error& e, const char* aftermath) {
  const std::string type = e.get_type();
  if (type == "DatabaseLockError") {
    // Xapian reports a lock it could not even try to take (a read-only directory) as a lock error too.
    const std::string msg = e.get_msg();
    const std::size_t cause = msg.find("Couldn't open lockfile: ");
    if (cause != std::string::npos)
      return "index " + what + ": cannot write (" + msg.substr(cause + 24) + "); the index is left as it was";
    return lock_message(what);
  }
  if (type == "DatabaseNotFoundError" || type == "DatabaseOpeningError") {
    return "cannot open index " + what + ": " + e.get_msg() +
           (e.get_error_string() ? std::string(" (") + e.get_error_string() + ")" : "");
  }
  if (type == "DatabaseCorruptError") return "index " + what + " is corrupt: " + e.get_msg();
  const std::string detail = e.get_error_string() ? e.get_error_string() : "";
  if (detail.find("No space left") != std::string::npos)
    return "index " + what + ": the disk is full (" + detail + "); " + aftermath;
  // A commit that failed and whose revision could not be reopened says why in its message only.
  if (e.get_msg().find("No space left") != std::string::npos)
    return "index " + what + ": the disk is full (" + e.get_msg() + "); " + aftermath;
  if (detail.find("Read-only file system") != std::string::npos || detail.find("Permission denied") != std::string::npos)
    return "index " + what + ": cannot write (" + detail + "); " + aftermath;
  if (type == "DatabaseModifiedError")
    return "index " + what + " changed too much while being read; run the search again";
  std::string msg = "index " + what + ": " + type + ": " + e.get_msg();
  if (e.get_error_string()) msg += std::string(" (") + e.get_error_string() + ")";
  return msg;
}

}  // namespace bahth::detail
