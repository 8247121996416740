#include "study/codebook_edit.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "corpus/codings.h"
#include "study/request_error.h"

namespace verhaal {
namespace {

Code RequireCode(Project& project, const std::string& path, const std::string& field) {
  auto code = FindCodeByPath(project, path);
  if (!code) {
    throw RequestError(ErrorKind::kMissing,
                       "code '" + path + "' does not exist; see GET /api/codebook", field);
  }
  return *code;
}

void CheckColour(const std::string& colour) {
  const bool hex = colour.size() == 7 && colour[0] == '#' &&
                   std::all_of(colour.begin() + 1, colour.end(),
                               [](unsigned char c) { return std::isxdigit(c) != 0; });
  if (!colour.empty() && !hex) {
    throw RequestError(ErrorKind::kData,
                       "colour '" + colour + "' is not of the form #RRGGBB (e.g. #1f77b4)",
                       "colour");
  }
}

void CheckName(const std::string& name, const std::string& field) {
  if (name.empty() || name.find('/') != std::string::npos) {
    throw RequestError(ErrorKind::kData,
                       "a code's name must not be empty or contain '/'; got '" + name + "'", field);
  }
}

CodeWithCounts Counted(Project& project, const Viewer& viewer, const std::string& path) {
  for (CodeWithCounts& c : CodebookTree(project, viewer)) {
    if (c.code.path == path) return std::move(c);
  }
  throw RequestError(ErrorKind::kMissing, "code '" + path + "' does not exist", "path");
}

}  // namespace

std::vector<CodeWithCounts> CodebookTree(Project& project, const Viewer& viewer) {
  std::optional<int64_t> coder_id;
  if (viewer.blind) {
    const auto coder = FindCoder(project, viewer.coder);
    coder_id = coder ? coder->id : -1;
  }
  std::map<int64_t, int64_t> own;
  for (const auto& [code_id, count] : CountCodingsByCode(project, coder_id)) own[code_id] = count;
  std::vector<CodeWithCounts> tree;
  std::map<int64_t, size_t> index;
  for (Code& code : ListCodes(project)) {
    index[code.id] = tree.size();
    CodeWithCounts entry;
    entry.codings = own[code.id];
    entry.total = entry.codings;
    if (code.parent_id) entry.parent_path = tree[index.at(*code.parent_id)].code.path;
    entry.code = std::move(code);
    tree.push_back(std::move(entry));
  }
  for (auto it = tree.rbegin(); it != tree.rend(); ++it) {  // children after parents
    if (it->code.parent_id) tree[index.at(*it->code.parent_id)].total += it->total;
  }
  return tree;
}

CodeWithCounts AddCodebookCode(Project& project, const Viewer& viewer, const NewCode& request) {
  Transaction transaction(project);
  const size_t slash = request.path.rfind('/');
  const std::string name =
      slash == std::string::npos ? request.path : request.path.substr(slash + 1);
  CheckName(name, "path");
  CheckColour(request.colour);
  Code code;
  code.name = name;
  if (slash != std::string::npos) {
    code.parent_id = RequireCode(project, request.path.substr(0, slash), "path").id;
  }
  code.colour = request.colour;
  code.description = request.description;
  BlameField("path", [&] { return AddCode(project, code); });
  transaction.Commit();
  return Counted(project, viewer, request.path);
}

CodeWithCounts EditCodebookCode(Project& project, const Viewer& viewer, const std::string& path,
                                const CodeEdit& edit) {
  Transaction transaction(project);
  Code code = RequireCode(project, path, "path");
  if (edit.colour) {
    CheckColour(*edit.colour);
    code.colour = *edit.colour;
  }
  if (edit.description) code.description = *edit.description;
  UpdateCode(project, code);
  if (edit.name || edit.parent) {
    const std::string name = edit.name.value_or(code.name);
    CheckName(name, "name");
    std::optional<int64_t> parent = code.parent_id;
    if (edit.parent) {
      parent = edit.parent->empty()
                   ? std::nullopt
                   : std::optional(RequireCode(project, *edit.parent, "parent").id);
    }
    BlameField(edit.name ? "name" : "parent", [&] {
      MoveCode(project, code.id, parent, name);
      return 0;
    });
  }
  const std::string new_path = FindCodeById(project, code.id)->path;
  transaction.Commit();
  return Counted(project, viewer, new_path);
}

int64_t MergeCodebookCodes(Project& project, const std::string& from, const std::string& into) {
  Transaction transaction(project);
  const Code source = RequireCode(project, from, "from");
  const Code target = RequireCode(project, into, "into");
  if (source.id == target.id) {
    throw RequestError(ErrorKind::kData, "a code cannot be merged into itself", "into");
  }
  if (CodeSubtree(project, source.id).size() > 1) {
    throw RequestError(ErrorKind::kData,
                       "code '" + from + "' has sub-codes; merge or move them first", "from");
  }
  const int64_t moved = ReassignCodings(project, source.id, target.id);
  DeleteCode(project, source.id);
  transaction.Commit();
  return moved;
}

}  // namespace verhaal
