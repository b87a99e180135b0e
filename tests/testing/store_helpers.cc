#include "tests/testing/store_helpers.h"

#include "common/status_macros.h"

namespace parley::testing {
namespace {

absl::StatusOr<std::unique_ptr<storage::Store>> OpenDir(const std::string& data_dir) {
  storage::StoreOptions options;
  options.path = data_dir;
  return storage::Store::Open(options);
}

}  // namespace

absl::StatusOr<std::vector<storage::FamilyDigest>> DigestDir(const std::string& data_dir) {
  PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, OpenDir(data_dir));
  return storage::DigestStore(*store);
}

absl::StatusOr<uint64_t> AgeTheExtraction(const std::string& data_dir) {
  PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, OpenDir(data_dir));
  std::vector<std::string> ids;
  PARLEY_RETURN_IF_ERROR(store->Scan(storage::Family::kArticles, "", "",
                                     [&](std::string_view key, std::string_view) {
                                       ids.emplace_back(key);
                                       return true;
                                     }));
  for (const std::string& id : ids) {
    PARLEY_RETURN_IF_ERROR(
        store
            ->RebuildArticle(id,
                             [](const records::StoredArticle& article, const v1::Event& current)
                                 -> absl::StatusOr<std::optional<storage::RebuiltArticle>> {
                               storage::RebuiltArticle older{article, current};
                               older.event.set_extractor_version(current.extractor_version() - 1);
                               older.event.clear_topics();
                               older.article.mutable_article()->clear_facts();
                               return older;
                             })
            .status());
  }
  return store->LastChangeSequence();
}

}  // namespace parley::testing
