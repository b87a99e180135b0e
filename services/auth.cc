#include "services/auth.h"

#include "services/refused_stream.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "common/string_view.h"
#include "openssl/bio.h"
#include "openssl/err.h"
#include "openssl/evp.h"
#include "openssl/pem.h"
#include "openssl/x509.h"

namespace parley::service {
namespace {

constexpr std::string_view kBearerPrefix = "Bearer ";

std::string Named(std::string_view flag, const std::string& path) {
  return absl::StrCat(ToAbsl(flag), " ", path);
}

// Reads a whole file. The error names the flag and the path and the errno
// text, never any contents.
absl::StatusOr<std::string> ReadSecretFile(const std::string& path, std::string_view flag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat("cannot read ", Named(flag, path), ": ", std::strerror(errno)));
  }
  std::stringstream contents;
  contents << in.rdbuf();
  if (in.bad()) return absl::NotFoundError(absl::StrCat("cannot read ", Named(flag, path)));
  return contents.str();
}

// A password callback that refuses: OpenSSL's default prompts on the
// terminal for an encrypted key, which would hang a daemon.
int NoPassword(char*, int, int, void*) { return -1; }

struct BioDeleter {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
struct X509Deleter {
  void operator()(X509* x509) const { X509_free(x509); }
};
struct KeyDeleter {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using UniqueBio = std::unique_ptr<BIO, BioDeleter>;
using UniqueX509 = std::unique_ptr<X509, X509Deleter>;
using UniqueKey = std::unique_ptr<EVP_PKEY, KeyDeleter>;

UniqueBio MemoryBio(const std::string& pem) {
  return UniqueBio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
}

// The first certificate of a PEM bundle. OpenSSL's error queue is cleared so
// that a later, unrelated TLS error is not blamed on this file.
absl::StatusOr<UniqueX509> ParseCertificate(const std::string& pem, std::string_view flag,
                                            const std::string& path) {
  UniqueBio bio = MemoryBio(pem);
  UniqueX509 cert(bio ? PEM_read_bio_X509(bio.get(), nullptr, NoPassword, nullptr) : nullptr);
  ERR_clear_error();
  if (!cert) {
    return absl::InvalidArgumentError(
        absl::StrCat(Named(flag, path), ": not a PEM certificate"));
  }
  return cert;
}

absl::StatusOr<UniqueKey> ParsePrivateKey(const std::string& pem, std::string_view flag,
                                          const std::string& path) {
  UniqueBio bio = MemoryBio(pem);
  UniqueKey key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, NoPassword, nullptr)
                    : nullptr);
  ERR_clear_error();
  if (!key) {
    return absl::InvalidArgumentError(absl::StrCat(
        Named(flag, path), ": not an unencrypted PEM private key"));
  }
  return key;
}

struct KeyCertPair {
  std::string cert_pem;
  std::string key_pem;
};

// Reads a certificate chain and its key and checks that they belong together,
// which gRPC would otherwise only report as a failed handshake.
absl::StatusOr<KeyCertPair> LoadKeyCertPair(const std::string& cert_path,
                                            std::string_view cert_flag,
                                            const std::string& key_path,
                                            std::string_view key_flag) {
  KeyCertPair pair;
  PARLEY_ASSIGN_OR_RETURN(pair.cert_pem, ReadSecretFile(cert_path, cert_flag));
  PARLEY_ASSIGN_OR_RETURN(pair.key_pem, ReadSecretFile(key_path, key_flag));
  PARLEY_ASSIGN_OR_RETURN(UniqueX509 cert, ParseCertificate(pair.cert_pem, cert_flag, cert_path));
  PARLEY_ASSIGN_OR_RETURN(UniqueKey key, ParsePrivateKey(pair.key_pem, key_flag, key_path));
  int matches = X509_check_private_key(cert.get(), key.get());
  ERR_clear_error();
  if (matches != 1) {
    return absl::InvalidArgumentError(absl::StrCat(Named(key_flag, key_path),
                                                   ": key does not match the certificate in ",
                                                   Named(cert_flag, cert_path)));
  }
  return pair;
}

absl::StatusOr<std::string> LoadCaBundle(const std::string& path, std::string_view flag) {
  PARLEY_ASSIGN_OR_RETURN(std::string pem, ReadSecretFile(path, flag));
  PARLEY_RETURN_IF_ERROR(ParseCertificate(pem, flag, path).status());
  return pem;
}

}  // namespace

// ---------------------------------------------------------------- tokens

absl::StatusOr<std::string> ValidateToken(std::string token, std::string_view source) {
  // Only trailing whitespace is stripped: it is what files and `echo` add.
  // Anything else odd is refused rather than silently changed.
  while (!token.empty() && absl::ascii_isspace(static_cast<unsigned char>(token.back()))) {
    token.pop_back();
  }
  if (token.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(ToAbsl(source), ": token is empty"));
  }
  for (char c : token) {
    // Visible ASCII only: the token travels in an HTTP/2 header value after
    // "Bearer ", so spaces and control characters would not survive.
    if (c < 0x21 || c > 0x7e) {
      return absl::InvalidArgumentError(absl::StrCat(
          ToAbsl(source), ": token may only contain visible ASCII characters"));
    }
  }
  return token;
}

absl::StatusOr<std::string> ReadTokenFile(const std::string& path, std::string_view flag) {
  PARLEY_ASSIGN_OR_RETURN(std::string contents, ReadSecretFile(path, flag));
  return ValidateToken(std::move(contents), absl::StrCat(ToAbsl(flag), " ", path));
}

bool ConstantTimeEquals(std::string_view presented, std::string_view expected) {
  if (expected.empty()) return false;
  // Walk the presented bytes only, comparing against expected cyclically, so
  // the loop length leaks nothing about the expected token's length or
  // content; the length mismatch is folded into the same accumulator.
  // volatile keeps the compiler from turning this into an early-exit compare.
  volatile unsigned char diff = presented.size() == expected.size() ? 0 : 1;
  for (size_t i = 0; i < presented.size(); ++i) {
    diff = diff | static_cast<unsigned char>(presented[i] ^ expected[i % expected.size()]);
  }
  return diff == 0;
}

std::string BearerHeaderValue(std::string_view token) {
  return absl::StrCat(ToAbsl(kBearerPrefix), ToAbsl(token));
}

absl::Status CheckBearerToken(const std::multimap<grpc::string_ref, grpc::string_ref>& metadata,
                              std::string_view expected) {
  auto [begin, end] = metadata.equal_range("authorization");
  if (begin == end) {
    return absl::UnauthenticatedError("missing authorization: Bearer token");
  }
  if (std::next(begin) != end) {
    return absl::UnauthenticatedError("more than one authorization header");
  }
  std::string_view value(begin->second.data(), begin->second.size());
  if (value.size() < kBearerPrefix.size() ||
      !absl::EqualsIgnoreCase(ToAbsl(value.substr(0, kBearerPrefix.size())),
                              ToAbsl(kBearerPrefix))) {
    return absl::UnauthenticatedError("authorization scheme must be Bearer");
  }
  if (!ConstantTimeEquals(value.substr(kBearerPrefix.size()), expected)) {
    // Deliberately says nothing about the presented token (not even its
    // length): messages end up in client logs.
    return absl::UnauthenticatedError("invalid bearer token");
  }
  return absl::OkStatus();
}

grpc::Status CheckCallToken(const grpc::ServerContextBase& context, std::string_view expected) {
  if (expected.empty()) return grpc::Status::OK;
  absl::Status status = CheckBearerToken(context.client_metadata(), expected);
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(grpc::StatusCode::UNAUTHENTICATED, std::string(status.message()));
}

grpc::Status TokenCheckedParleyService::Check(const grpc::ServerContextBase& context) const {
  return CheckCallToken(context, token_);
}

// Each RPC: the check first, then the real adapter, so an unauthenticated
// call never touches the store.
#define PARLEY_TOKEN_CHECKED_RPC(Method, Request, Response)                              \
  grpc::Status TokenCheckedParleyService::Method(grpc::ServerContext* context,            \
                                                 const Request* request,                 \
                                                 Response* response) {                   \
    if (grpc::Status status = Check(*context); !status.ok()) return status;              \
    return inner_.Method(context, request, response);                                    \
  }

PARLEY_TOKEN_CHECKED_RPC(GetEvent, v1::GetEventRequest, v1::Event)
PARLEY_TOKEN_CHECKED_RPC(ListEvents, v1::ListEventsRequest, v1::ListEventsResponse)
PARLEY_TOKEN_CHECKED_RPC(GetParticipant, v1::GetParticipantRequest, v1::Participant)
PARLEY_TOKEN_CHECKED_RPC(SearchParticipants, v1::SearchParticipantsRequest,
                         v1::SearchParticipantsResponse)
PARLEY_TOKEN_CHECKED_RPC(ListQuotes, v1::ListQuotesRequest, v1::ListQuotesResponse)
PARLEY_TOKEN_CHECKED_RPC(GetArticle, v1::GetArticleRequest, v1::Article)
PARLEY_TOKEN_CHECKED_RPC(ListConnections, v1::ListConnectionsRequest,
                         v1::ListConnectionsResponse)

grpc::ServerWriteReactor<v1::WatchEventsResponse>* TokenCheckedParleyService::WatchEvents(
    grpc::CallbackServerContext* context, const v1::WatchEventsRequest* request) {
  if (grpc::Status status = Check(*context); !status.ok()) {
    return new RefusedStream<v1::WatchEventsResponse>(status);
  }
  return inner_.WatchEvents(context, request);
}

#undef PARLEY_TOKEN_CHECKED_RPC

// ------------------------------------------------------------ server TLS

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const ServerSecurityOptions& options) {
  const bool has_cert = !options.tls_cert_file.empty();
  const bool has_key = !options.tls_key_file.empty();
  const bool has_ca = !options.tls_client_ca_file.empty();
  if (has_cert != has_key) {
    return absl::InvalidArgumentError("--tls-cert and --tls-key must be given together");
  }
  if (!has_cert) {
    if (has_ca || options.require_client_cert) {
      return absl::InvalidArgumentError("--tls-client-ca needs --tls-cert and --tls-key");
    }
    return grpc::InsecureServerCredentials();
  }
  if (options.require_client_cert && !has_ca) {
    return absl::InvalidArgumentError(
        "requiring client certificates needs --tls-client-ca to verify them");
  }
  PARLEY_ASSIGN_OR_RETURN(KeyCertPair pair,
                          LoadKeyCertPair(options.tls_cert_file, "--tls-cert",
                                          options.tls_key_file, "--tls-key"));
  grpc::SslServerCredentialsOptions ssl(GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE);
  ssl.pem_key_cert_pairs.push_back({pair.key_pem, pair.cert_pem});
  if (has_ca) {
    PARLEY_ASSIGN_OR_RETURN(ssl.pem_root_certs,
                            LoadCaBundle(options.tls_client_ca_file, "--tls-client-ca"));
    ssl.client_certificate_request =
        options.require_client_cert ? GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY
                                    : GRPC_SSL_REQUEST_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  return grpc::SslServerCredentials(ssl);
}

absl::StatusOr<ServerSecurity> LoadServerSecurity(const ServerSecurityOptions& options) {
  ServerSecurity security;
  PARLEY_ASSIGN_OR_RETURN(security.credentials, MakeServerCredentials(options));
  security.tls = !options.tls_cert_file.empty();
  security.client_certs_verified = security.tls && !options.tls_client_ca_file.empty();
  if (!options.auth_token_file.empty()) {
    PARLEY_ASSIGN_OR_RETURN(security.token, ReadTokenFile(options.auth_token_file));
  }
  return security;
}

std::string DescribeServerSecurity(const ServerSecurityOptions& options) {
  std::string tls = "off (plaintext)";
  if (!options.tls_cert_file.empty()) {
    tls = absl::StrCat("on (cert ", options.tls_cert_file, ", key ", options.tls_key_file, ")");
  }
  std::string client_certs = "not requested";
  if (!options.tls_client_ca_file.empty()) {
    client_certs = absl::StrCat(options.require_client_cert ? "required" : "verified if sent",
                                ", CA ", options.tls_client_ca_file);
  }
  std::string token = options.auth_token_file.empty()
                          ? "off"
                          : absl::StrCat("on (from ", options.auth_token_file, ")");
  return absl::StrCat("tls ", tls, "; client certificates ", client_certs,
                      "; bearer token ", token);
}

// ------------------------------------------------------------ client TLS

absl::StatusOr<ClientChannelSettings> MakeClientChannelSettings(
    const ClientSecurityOptions& options) {
  const bool has_cert = !options.tls_cert_file.empty();
  const bool has_key = !options.tls_key_file.empty();
  ClientChannelSettings settings;
  if (has_cert != has_key) {
    return absl::InvalidArgumentError("--tls-cert and --tls-key must be given together");
  }
  if (options.tls_ca_file.empty()) {
    if (has_cert || !options.tls_server_name.empty()) {
      return absl::InvalidArgumentError(
          "--tls-cert, --tls-key and --tls-server-name need --tls-ca");
    }
    settings.credentials = grpc::InsecureChannelCredentials();
    return settings;
  }
  grpc::SslCredentialsOptions ssl;
  PARLEY_ASSIGN_OR_RETURN(ssl.pem_root_certs, LoadCaBundle(options.tls_ca_file, "--tls-ca"));
  if (has_cert) {
    PARLEY_ASSIGN_OR_RETURN(KeyCertPair pair,
                            LoadKeyCertPair(options.tls_cert_file, "--tls-cert",
                                            options.tls_key_file, "--tls-key"));
    ssl.pem_cert_chain = std::move(pair.cert_pem);
    ssl.pem_private_key = std::move(pair.key_pem);
  }
  settings.credentials = grpc::SslCredentials(ssl);
  if (!options.tls_server_name.empty()) {
    settings.arguments.SetSslTargetNameOverride(options.tls_server_name);
  }
  return settings;
}

}  // namespace parley::service
