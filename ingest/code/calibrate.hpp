// Calibration: turns the coders' score of a fact into the probability that
// the fact is right (docs/extraction.md, "Calibrated confidence").
//
// The coders add up what they found (a date, a place, a party reached by a
// pronoun ...) into a score that ranks facts but does not mean a share
// right. A small logistic model maps the score and a few general features
// of the finished fact to a probability:
//
//   confidence = 1 / (1 + exp(-(Σ weight × feature)))
//
// with its weights in data/calibration.tsv, fitted by scripts/calibrate.py
// against the news development gold. The features (one per row of the file):
//
//   bias            1
//   coder           logit of the coders' score, clamped to 0.02 .. 0.98
//   evidence        ln(number of evidence sentences)
//   countries       1 when the parties name two or more different countries
//   directed        1 when the fact has both a source and a target
//   person          1 when a party is a person
//   organization    1 when a party is an organization
//   located         1 when the fact has a place
//   status=S        1 when the status is S (occurred, planned, ...)
//   quad=N          1 when the quad class is N (1 .. 4)
//   root=NN         1 when the CAMEO root is NN (01 .. 20)
//
// `coder`, `evidence` and `countries` may not have a negative weight: more
// evidence never makes a fact less likely to be right.
#pragma once

#include <string>
#include <vector>

#include "graph/error.hpp"
#include "graph/fact.hpp"

namespace dipgraph::ingest {

class Calibration {
 public:
  // The identity: apply() returns the coders' score unchanged.
  Calibration() = default;

  // Reads a calibration file: a header line `feature<TAB>weight`, then one
  // feature a line; `#` starts a comment line. A bad row (unknown feature,
  // a weight that is not a finite number, a negative weight where the
  // feature must not lower the confidence, a feature given twice) goes to
  // `diag` as FILE:LINE and is skipped. Throws Error when the file cannot be
  // opened or has no header.
  static Calibration load(const std::string& path, Diagnostics& diag);

  // DIR/calibration.tsv when it exists, else the identity.
  static Calibration load_dir(const std::string& data_dir, Diagnostics& diag);

  bool identity() const { return terms_.empty(); }

  // The calibrated confidence of `f`, whose `confidence` holds the coders'
  // score; in (0, 1). The identity returns f.confidence.
  double apply(const Fact& f) const;

  // The value of one feature (named as in the file) for `f`; 0 for a name
  // that is not a feature.
  static double feature(const Fact& f, const std::string& name);

 private:
  struct Term {
    std::string name;
    double weight = 0.0;
    int kind = 0;  // which feature (calibrate.cpp)
    int arg = 0;   // its status, quad class or root
  };
  std::vector<Term> terms_;
};

}  // namespace dipgraph::ingest
