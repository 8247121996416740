// count_stories FILE.verhaal: opens a verhaal project with the installed
// library and prints how many stories it holds. The smallest program an
// outside project can write against verhaal (see CMakeLists.txt).
#include <iostream>

#include "base/error.h"
#include "corpus/project.h"
#include "corpus/stories.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: count_stories FILE.verhaal\n";
    return 2;
  }
  try {
    verhaal::Project project = verhaal::Project::Open(argv[1]);
    std::cout << project.name() << ": " << verhaal::CountStories(project) << " stories\n";
    return 0;
  } catch (const verhaal::Error& e) {
    std::cerr << "count_stories: " << e.Describe() << '\n';
    return static_cast<int>(e.kind());
  }
}
