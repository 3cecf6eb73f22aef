//! WeChat's and the vendor's limits (filled in with the model).
