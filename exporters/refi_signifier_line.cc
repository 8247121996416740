#include "exporters/refi_signifier_line.h"

#include <nlohmann/json.hpp>

namespace verhaal {

std::string RefiSignifierLine(const Signifier& signifier) {
  using Json = nlohmann::ordered_json;
  Json json = Json::object();
  json["key"] = signifier.key;
  json["type"] = std::string(SignifierTypeName(signifier.type));
  auto text = [&](const char* name, const std::string& value) {
    if (!value.empty()) json[name] = value;
  };
  text("title", signifier.title);
  if (signifier.multiple) json["multiple"] = true;
  text("x_low", signifier.x_low);
  text("x_high", signifier.x_high);
  text("y_low", signifier.y_low);
  text("y_high", signifier.y_high);
  text("source", signifier.source);
  if (!signifier.options.empty()) {
    Json options = Json::array();
    for (const SignifierOption& option : signifier.options) {
      Json o = {{"key", option.key}};
      if (!option.label.empty()) o["label"] = option.label;
      options.push_back(std::move(o));
    }
    json["options"] = std::move(options);
  }
  // Stored text is valid UTF-8; replace rather than throw should it not be.
  return "verhaal: " + json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace verhaal
